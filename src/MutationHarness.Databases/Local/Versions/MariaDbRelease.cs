namespace MutationHarness.Databases.Local.Versions;

/// <summary>A MariaDB series the harness can run locally, and the Debian suite whose packages carry it.</summary>
/// <param name="Version">The series a target names (<c>local:mariadb:10.5</c>).</param>
/// <param name="Suite">The Debian suite that ships it, or null when no Debian suite does.</param>
/// <param name="Packages">What <c>debootstrap --include</c> installs: the server core and the client.</param>
/// <param name="Source">Where it comes from, for people: <c>Debian 11 (bullseye)</c>, or why it cannot be provisioned.</param>
public sealed record MariaDbRelease(string Version, string? Suite, IReadOnlyList<string> Packages, string Source)
{
    /// <summary>The Debian archive every suite comes from.</summary>
    public const string Mirror = "http://deb.debian.org/debian";

    /// <summary>True when a Debian suite carries this series, so it can be provisioned.</summary>
    public bool Available => Suite is not null;

    /// <summary>The series the harness knows, oldest first. Debian ships 10.5, 10.11 and 11.8; 10.6 and 11.4 were never in a
    /// Debian release, so they run only as containers or connection strings.</summary>
    public static IReadOnlyList<MariaDbRelease> All { get; } =
    [
        // Debian 11 names the package by series; mariadb-server-core there is not a real package.
        new("10.5", "bullseye", ["mariadb-server-core-10.5", "mariadb-client"], "Debian 11 (bullseye)"),
        new("10.6", null, [], "not in Debian (Ubuntu 22.04 has it)"),
        new("10.11", "bookworm", ["mariadb-server-core", "mariadb-client"], "Debian 12 (bookworm)"),
        new("11.4", null, [], "not in Debian (Ubuntu 25.04 has it)"),
        new("11.8", "trixie", ["mariadb-server-core", "mariadb-client"], "Debian 13 (trixie)"),
    ];

    /// <summary>The release for a series such as <c>10.5</c>, or null.</summary>
    public static MariaDbRelease? Find(string version) => All.FirstOrDefault(r => r.Version == version.Trim());

    /// <summary>The series the harness knows, for messages: <c>10.5, 10.6, …</c>.</summary>
    public static string Known => string.Join(", ", All.Select(r => r.Version));
}
