namespace MutationHarness.Databases.Targets;

/// <summary>The MySQL-family server kinds the harness knows.</summary>
public enum ServerFlavor
{
    /// <summary>MariaDB.</summary>
    MariaDb,

    /// <summary>Oracle MySQL.</summary>
    MySql,

    /// <summary>PingCAP TiDB.</summary>
    TiDb,

    /// <summary>Something else that speaks the MySQL protocol (OceanBase, …).</summary>
    Other,
}

/// <summary>What a server said of itself when the target was opened.</summary>
public sealed record ServerInfo(ServerFlavor Flavor, string Version);

/// <summary>The pinned session every statement runs under, recorded with each verdict.</summary>
public sealed record SessionSettings(string SqlMode, string TimeZone, string CharacterSet, string Collation)
{
    /// <summary>MySQL 8's default <c>sql_mode</c> without <c>ONLY_FULL_GROUP_BY</c>, UTC and utf8mb4: the same on every flavour.</summary>
    // ONLY_FULL_GROUP_BY is left out: upstream's normalised seeds and the training records keep bare
    // columns next to aggregates and HAVING on non-grouped columns, which it rejects with 1140/1055;
    // the rest of MySQL 8's default only concerns writes and dates, and is the same on every flavour.
    public static SessionSettings Default { get; } = new(
        "STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION",
        "+00:00",
        "utf8mb4",
        "utf8mb4_general_ci");
}
