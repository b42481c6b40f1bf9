using System.Text.RegularExpressions;
using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>A server a pair passed on: the target's name, the flavour it detected, the version it reported and the databases the pair ran on.</summary>
public sealed partial record VerifiedServer(string Target, string Flavor, string ServerVersion, IReadOnlyList<string> Databases)
{
    /// <summary>
    /// Whether this server is of the flavour a dbms label names: the detected flavour (MariaDB, MySQL, TiDB), or
    /// a server that names itself so in its version (OceanBase reports e.g. 5.7.25-OceanBase_CE-v4.2.1): a whole
    /// word of it, so a label "maria" or "db" is no server's.
    /// </summary>
    public bool Is(string label) =>
        label.Length > 0 && (string.Equals(Flavor, label, StringComparison.OrdinalIgnoreCase)
            || VersionWord().Matches(ServerVersion).Any(word => string.Equals(word.Value, label, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The server in a few words, as the warnings name it: "MariaDB 10.11".</summary>
    public string ShortName
    {
        get
        {
            var release = Release().Match(ServerVersion);
            return $"{RolePrompt.DisplayName(Flavor)} {(release.Success ? release.Value : ServerVersion)}";
        }
    }

    /// <summary>The server as the manifest's counts name it: "local:mariadb MariaDB 10.11.19-MariaDB-0+deb12u1".</summary>
    public override string ToString() => $"{Target} {RolePrompt.DisplayName(Flavor)} {ServerVersion}";

    [GeneratedRegex(@"^\d+\.\d+")]
    private static partial Regex Release();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex VersionWord();
}
