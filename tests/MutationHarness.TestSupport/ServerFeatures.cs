namespace MutationHarness.TestSupport;

/// <summary>What a server flavour does, so one test suite runs everywhere and skips only what a flavour lacks.</summary>
[Flags]
public enum ServerFeatures
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>A server-side statement deadline exists (MariaDB max_statement_time, MySQL/TiDB max_execution_time).</summary>
    ServerDeadline = 1,

    /// <summary>A scalar subquery returning several rows fails with 1242 after some rows were sent.</summary>
    ErrorWhileReadingRows = 2,

    /// <summary>A DOUBLE column keeps -0 (MySQL); MariaDB stores and prints it as 0.</summary>
    NegativeZeroDouble = 4,

    /// <summary>Per-run least-privilege accounts can be created (CREATE USER and GRANT).</summary>
    CreateUsers = 8,

    /// <summary>Zero dates ('0000-00-00') can be produced by CAST in a SELECT.</summary>
    ZeroDates = 16,

    /// <summary>Everything MariaDB has.</summary>
    MariaDb = ServerDeadline | ErrorWhileReadingRows | CreateUsers | ZeroDates,

    /// <summary>Everything MySQL 8 has.</summary>
    MySql = ServerDeadline | ErrorWhileReadingRows | NegativeZeroDouble | CreateUsers,

    /// <summary>Everything TiDB has.</summary>
    TiDb = ServerDeadline | CreateUsers,
}
