namespace MutationHarness.Databases.Targets;

/// <summary>A target spec the harness cannot understand (a client error: bad input).</summary>
public sealed class TargetSpecException : Exception
{
    /// <summary>Creates the exception for the spec the user gave.</summary>
    public TargetSpecException(string spec, string reason)
        : base($"Cannot understand target '{spec}': {reason}") => Spec = spec;

    /// <summary>The spec as the user gave it (a connection string's password hidden).</summary>
    public string Spec { get; }
}

/// <summary>A target that could not be started or reached; the message says what to do about it.</summary>
public sealed class TargetStartException : Exception
{
    /// <summary>Creates the exception with what was run and what the server said.</summary>
    public TargetStartException(string target, string reason, string? commandLine = null, string? logTail = null, Exception? inner = null)
        : base(Compose(target, reason, commandLine, logTail), inner)
    {
        Target = target;
        CommandLine = commandLine;
        LogTail = logTail;
    }

    /// <summary>The target's name.</summary>
    public string Target { get; }

    /// <summary>The command line that was run, when a process was started.</summary>
    public string? CommandLine { get; }

    /// <summary>The last lines of the server's error log, when there is one.</summary>
    public string? LogTail { get; }

    private static string Compose(string target, string reason, string? commandLine, string? logTail)
    {
        var message = $"Cannot start target '{target}': {reason}";
        if (commandLine is not null)
            message += Environment.NewLine + "Command: " + commandLine;
        if (!string.IsNullOrWhiteSpace(logTail))
            message += Environment.NewLine + "Error log (last lines):" + Environment.NewLine + logTail;
        return message;
    }
}

/// <summary>A fixture statement the server rejected while a fixture database was being loaded.</summary>
public sealed class FixtureLoadException : Exception
{
    /// <summary>Creates the exception with the failing statement and the server's error.</summary>
    public FixtureLoadException(string fixtureName, int statementIndex, string statement, int errorNumber, string sqlState, string serverMessage, Exception? inner = null)
        : base($"Fixture '{fixtureName}' statement #{statementIndex + 1} failed with error {errorNumber} ({sqlState}): {serverMessage}{Environment.NewLine}{Shorten(statement)}", inner)
    {
        FixtureName = fixtureName;
        StatementIndex = statementIndex;
        Statement = statement;
        ErrorNumber = errorNumber;
        SqlState = sqlState;
    }

    /// <summary>The fixture's name.</summary>
    public string FixtureName { get; }

    /// <summary>The zero-based index of the failing statement.</summary>
    public int StatementIndex { get; }

    /// <summary>The failing statement.</summary>
    public string Statement { get; }

    /// <summary>The server's error number.</summary>
    public int ErrorNumber { get; }

    /// <summary>The server's SQLSTATE.</summary>
    public string SqlState { get; }

    private static string Shorten(string sql) => sql.Length <= 300 ? sql : sql[..300] + " …";
}

/// <summary>A record's setup went past its budget of time, rows or bytes and was stopped (the record's problem, not the server's).</summary>
public sealed class SetupBudgetException : Exception
{
    /// <summary>Creates the exception with the statement that was running and what was exceeded.</summary>
    public SetupBudgetException(string fixtureName, int statementIndex, string statement, string reason, Exception? inner = null)
        : base($"'{fixtureName}' was stopped at statement #{statementIndex + 1}: {reason}{Environment.NewLine}{(statement.Length <= 300 ? statement : statement[..300] + " …")}", inner)
    {
        FixtureName = fixtureName;
        StatementIndex = statementIndex;
        Reason = reason;
    }

    /// <summary>The setup's name.</summary>
    public string FixtureName { get; }

    /// <summary>The zero-based index of the statement that was running (or the last one, when the final measure failed).</summary>
    public int StatementIndex { get; }

    /// <summary>What was exceeded, with the figures.</summary>
    public string Reason { get; }
}
