namespace MutationHarness.Databases.Quirks;

/// <summary>Server error numbers the harness classifies by (never by message text).</summary>
public static class ServerErrors
{
    /// <summary>ER_DBACCESS_DENIED_ERROR.</summary>
    public const int DatabaseAccessDenied = 1044;

    /// <summary>ER_ACCESS_DENIED_ERROR.</summary>
    public const int AccessDenied = 1045;

    /// <summary>ER_BAD_FIELD_ERROR: unknown column.</summary>
    public const int UnknownColumn = 1054;

    /// <summary>ER_PARSE_ERROR: syntax error.</summary>
    public const int Syntax = 1064;

    /// <summary>ER_TABLEACCESS_DENIED_ERROR.</summary>
    public const int TableAccessDenied = 1142;

    /// <summary>ER_NO_SUCH_TABLE.</summary>
    public const int UnknownTable = 1146;

    /// <summary>ER_SPECIFIC_ACCESS_DENIED_ERROR (a global privilege is missing, e.g. CREATE USER).</summary>
    public const int SpecificAccessDenied = 1227;

    /// <summary>ER_SUBQUERY_NO_1_ROW: a scalar subquery returned more than one row.</summary>
    public const int SubqueryMoreThanOneRow = 1242;

    /// <summary>ER_SP_DOES_NOT_EXIST: unknown function.</summary>
    public const int UnknownFunction = 1305;

    /// <summary>ER_QUERY_INTERRUPTED: the statement was killed (the client's cancel).</summary>
    public const int QueryInterrupted = 1317;

    /// <summary>ER_DATA_OUT_OF_RANGE.</summary>
    public const int OutOfRange = 1690;

    /// <summary>ER_STATEMENT_TIMEOUT (MariaDB max_statement_time).</summary>
    public const int MariaDbStatementTimeout = 1969;

    /// <summary>ER_QUERY_TIMEOUT (MySQL and TiDB max_execution_time).</summary>
    public const int MySqlQueryTimeout = 3024;

    /// <summary>CR_SERVER_LOST: the client lost its connection during a statement.</summary>
    public const int ConnectionLost = 2013;

    /// <summary>ER_XAER_RMFAIL: the statement cannot run in the XA transaction's present state.</summary>
    public const int XaTransactionState = 1399;

    /// <summary>ER_CANNOT_USER: CREATE/DROP USER failed for an account.</summary>
    public const int CannotUser = 1396;

    /// <summary>ER_CANT_CREATE_USER_WITH_GRANT: GRANT may not create an account (or lacks GRANT OPTION).</summary>
    public const int CannotGrant = 1410;

    /// <summary>ER_NOT_VALID_PASSWORD: a password policy refused a password.</summary>
    public const int PasswordPolicy = 1819;

    /// <summary>Whether an error says the account lacks a privilege (or may not create accounts), rather than that something broke.</summary>
    public static bool IsPrivilegeError(int number) =>
        number is DatabaseAccessDenied or AccessDenied or TableAccessDenied or SpecificAccessDenied or CannotUser or CannotGrant or PasswordPolicy;

    /// <summary>Errors that say the server is going away, not that the statement is wrong: ER_SERVER_SHUTDOWN,
    /// ER_NEW_ABORTING_CONNECTION, ER_NET_READ_ERROR, ER_NET_READ_INTERRUPTED, ER_NET_ERROR_ON_WRITE,
    /// ER_NET_WRITE_INTERRUPTED, ER_CONNECTION_KILLED (MariaDB), and the client's CR_CONNECTION_ERROR,
    /// CR_CONN_HOST_ERROR, CR_SERVER_GONE_ERROR, CR_SERVER_LOST.</summary>
    public static bool MeansServerGone(int number) =>
        number is 1053 or 1184 or 1158 or 1159 or 1160 or 1161 or 1927 or 2002 or 2003 or 2006 or 2013;
}
