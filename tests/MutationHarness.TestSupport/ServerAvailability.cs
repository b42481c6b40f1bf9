using MutationHarness.Databases.Local;
using MutationHarness.Databases.Local.Versions;
using Xunit;

namespace MutationHarness.TestSupport;

/// <summary>Decides whether a test that needs a server runs, skips (locally) or fails (under CI).</summary>
public static class ServerAvailability
{
    /// <summary>Environment variable holding a MySQL connection string for the MySQL flavour of the tests.</summary>
    public const string MySqlVariable = "MUTATIONHARNESS_MYSQL";

    /// <summary>Environment variable holding a TiDB connection string for the TiDB flavour of the tests.</summary>
    public const string TiDbVariable = "MUTATIONHARNESS_TIDB";

    /// <summary>True under CI (<c>CI=true</c>), where a missing server is a broken set-up, not a reason to skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                               || Environment.GetEnvironmentVariable("CI") == "1";

    /// <summary>True when this machine has a MariaDB server binary the harness can start.</summary>
    public static bool HasMariaDb => ServerBinaries.Which("mariadbd") is not null && ServerBinaries.Which("mariadb-install-db") is not null;

    /// <summary>Skips the test when MariaDB is not installed, but fails it under CI so a broken set-up cannot hide tests.</summary>
    public static void RequireMariaDb()
    {
        if (HasMariaDb)
            return;
        const string reason = "MariaDB server binaries (mariadbd, mariadb-install-db) are not installed; 'sudo apt-get install mariadb-server' runs these tests.";
        if (IsCi)
            Assert.Fail("CI=true but " + reason);
        Assert.Skip(reason);
    }

    /// <summary>Why a provisioned MariaDB version (<c>local:mariadb:10.5</c>) can neither run nor be provisioned here, or null
    /// when it can: it needs root privileges, and the root already built or debootstrap to build it.</summary>
    public static string? MariaDbVersionUnavailable(string version)
    {
        var release = MariaDbRelease.Find(version) ?? throw new ArgumentException($"unknown MariaDB version {version}", nameof(version));
        if (!Environment.IsPrivilegedProcess)
            return $"running MariaDB {version} from a provisioned root needs root privileges (chroot)";
        if (ServerRoots.Find(release) is null && ServerBinaries.Which("debootstrap") is null)
            return $"MariaDB {version} is not provisioned and debootstrap is missing ('apt-get install debootstrap', or 'harness servers install {version}')";
        return null;
    }

    /// <summary>Skips the test when <see cref="MariaDbVersionUnavailable"/> gives a reason, but fails it under CI, where the
    /// launcher provisions 10.5 and 11.8.</summary>
    public static void RequireMariaDbVersion(string version)
    {
        if (MariaDbVersionUnavailable(version) is not { } reason)
            return;
        if (IsCi)
            Assert.Fail("CI=true but " + reason);
        Assert.Skip(reason);
    }

    /// <summary>Returns the MySQL connection string from <see cref="MySqlVariable"/>, or skips saying why.</summary>
    public static string RequireMySql(string? why = null) => RequireConnectionString(MySqlVariable, "MySQL", "13306", "mysql", why);

    /// <summary>Returns the TiDB connection string from <see cref="TiDbVariable"/>, or skips saying why.</summary>
    public static string RequireTiDb(string? why = null) => RequireConnectionString(TiDbVariable, "TiDB", "14000", "tidb", why);

    // why: why no container can serve instead (no engine, no image), when the caller asked an engine.
    private static string RequireConnectionString(string variable, string flavor, string port, string service, string? why)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
            return value;
        Assert.Skip($"{flavor} tests need {variable} set to a connection string (e.g. 'docker compose -f docker/compose.yaml up -d {service}' then " +
                    $"{variable}='Server=127.0.0.1;Port={port};User ID=root;Password=…'), or a Docker engine that has or can pull the image; " +
                    $"no server was given, and {why?.TrimEnd('.') ?? "no Docker engine was asked"}.");
        return ""; // not reached: Assert.Skip throws
    }
}
