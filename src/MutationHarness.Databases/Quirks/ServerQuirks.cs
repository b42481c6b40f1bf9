using System.Globalization;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Quirks;

/// <summary>What the harness knows of one server flavour: its error numbers, its deadline setting and its known bugs.</summary>
public sealed class ServerQuirks
{
    private ServerQuirks(ServerFlavor flavor, string? deadlineVariable, bool deadlineInSeconds, int[] timeoutErrors, KnownBug[] knownBugs)
    {
        Flavor = flavor;
        DeadlineVariable = deadlineVariable;
        DeadlineInSeconds = deadlineInSeconds;
        TimeoutErrors = new HashSet<int>(timeoutErrors);
        KnownBugs = knownBugs;
    }

    /// <summary>MariaDB: <c>max_statement_time</c> in seconds, error 1969 on timeout.</summary>
    public static ServerQuirks MariaDb { get; } = new(ServerFlavor.MariaDb, "max_statement_time", true, [ServerErrors.MariaDbStatementTimeout],
    [
        new("MariaDbDistinctNegativeZero", "DISTINCT turns a DOUBLE -0 into 0, so FixMDistinctL pairs differ only in '-0' vs '0'.", "https://jira.mariadb.org/browse/MDEV-30258"),
        new("MariaDbDistinctFloatText", "DISTINCT prints FLOAT values with a different number of digits.", "https://jira.mariadb.org/browse/MDEV-30301"),
    ]);

    /// <summary>MySQL: <c>max_execution_time</c> in milliseconds (SELECT only), error 3024 on timeout.</summary>
    public static ServerQuirks MySql { get; } = new(ServerFlavor.MySql, "max_execution_time", false, [ServerErrors.MySqlQueryTimeout], []);

    /// <summary>TiDB: <c>max_execution_time</c> in milliseconds, error 3024 on timeout.</summary>
    public static ServerQuirks TiDb { get; } = new(ServerFlavor.TiDb, "max_execution_time", false, [ServerErrors.MySqlQueryTimeout],
    [
        new("TiDbUnstableSubqueryResult", "The same query with a correlated subquery can return different rows on re-runs.", "https://github.com/pingcap/tidb/issues/38744"),
    ]);

    /// <summary>Other MySQL-protocol servers: no server-side deadline is set; the client cancels.</summary>
    public static ServerQuirks Other { get; } = new(ServerFlavor.Other, null, false, [ServerErrors.MySqlQueryTimeout, ServerErrors.MariaDbStatementTimeout], []);

    /// <summary>The flavour these quirks belong to.</summary>
    public ServerFlavor Flavor { get; }

    /// <summary>Error numbers that mean the server stopped a statement at its deadline.</summary>
    public IReadOnlySet<int> TimeoutErrors { get; }

    /// <summary>Known upstream bugs of this flavour that show up as relation violations, each with its link.</summary>
    public IReadOnlyList<KnownBug> KnownBugs { get; }

    internal string? DeadlineVariable { get; }

    private bool DeadlineInSeconds { get; }

    /// <summary>The quirks of a flavour.</summary>
    public static ServerQuirks For(ServerFlavor flavor) => flavor switch
    {
        ServerFlavor.MariaDb => MariaDb,
        ServerFlavor.MySql => MySql,
        ServerFlavor.TiDb => TiDb,
        _ => Other,
    };

    /// <summary>Whether an error number is this server's way of saying a statement ran out of time.</summary>
    public bool IsTimeout(int errorNumber) => TimeoutErrors.Contains(errorNumber);

    /// <summary>The <c>name=value</c> that sets a session deadline, or null when the flavour has none.</summary>
    internal string? DeadlineAssignment(TimeSpan deadline)
    {
        if (DeadlineVariable is null)
            return null;
        var value = DeadlineInSeconds
            ? Math.Max(deadline.TotalSeconds, 0.001).ToString("0.######", CultureInfo.InvariantCulture)
            : Math.Max((long) Math.Ceiling(deadline.TotalMilliseconds), 1).ToString(CultureInfo.InvariantCulture);
        return DeadlineVariable + "=" + value;
    }
}

/// <summary>One known upstream bug: a stable name, what it does, and its tracker link.</summary>
public sealed record KnownBug(string Name, string Description, string Link);
