using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MutationHarness.Databases.Execution;

/// <summary>The names of everything one run creates on a server, all carrying its run id, so that two runs never
/// share an object and a later run can tell a dead run's leftovers from anything else.</summary>
internal sealed partial record RunNames(string RunId)
{
    /// <summary>A fresh run id: eight lowercase hex digits.</summary>
    public static RunNames New() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));

    /// <summary>The prefix of the shared fixture databases this run loads.</summary>
    public string SharedPrefix => $"mh_{RunId}_";

    /// <summary>The prefix of the databases records' own setups run in.</summary>
    public string SetupPrefix => $"mhs_{RunId}_";

    /// <summary>The account pairs run as: SELECT on this run's databases only.</summary>
    public string Reader => $"mh_r_{RunId}";

    /// <summary>The account that loads the shared fixture databases.</summary>
    public string Loader => $"mh_l_{RunId}";

    /// <summary>The account of the n-th record setup: its own database only.</summary>
    public string SetupAccount(int n) => $"mh_s_{RunId}_{n.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The database of the n-th record setup.</summary>
    public string SetupDatabase(int n) => SetupPrefix + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The account that owns a record setup's database, from the database's name.</summary>
    public string? SetupAccountOf(string database) =>
        database.StartsWith(SetupPrefix, StringComparison.Ordinal) && int.TryParse(database.AsSpan(SetupPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? SetupAccount(n)
            : null;

    /// <summary>A named lock the run holds on the server while it lives; a later run sweeps only runs whose lock is free.</summary>
    public string LockName => $"mutationharness_run_{RunId}";

    /// <summary>A database name as a GRANT reads it: there <c>_</c> and <c>%</c> are wildcards, so they are escaped.</summary>
    public static string GrantName(string database) => database.Replace("_", "\\_", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal);

    /// <summary>A GRANT pattern for every database whose name starts with the prefix.</summary>
    public static string GrantPattern(string prefix) => GrantName(prefix) + "%";

    /// <summary>The run id in the name of an account this harness made (reader, loader or a setup's), or null.</summary>
    public static string? RunIdOfAccount(string user) => AccountName().Match(user) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The run id in the name of a database this harness made (shared or setup), or null.</summary>
    public static string? RunIdOfDatabase(string database) => DatabaseName().Match(database) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("^mh_[rls]_([0-9a-f]{8})(?:_[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountName();

    [GeneratedRegex("^mhs?_([0-9a-f]{8})_", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseName();
}
