using System.Globalization;
using System.Text.RegularExpressions;

namespace MutationHarness.Suites;

/// <summary>Which servers a rule applies to: a flavour (<c>mariadb</c>, <c>mysql</c>, <c>tidb</c>) or a target as given
/// (<c>local:mariadb:10.5</c>), optionally narrowed by version bounds (<c>&gt;=10.5 &lt;12</c>, <c>=10.11</c>). A bound
/// compares as many version parts as it names, so <c>&lt;=10.11</c> takes every 10.11.x and <c>&lt;12</c> no 12.x.</summary>
public sealed partial record ServerSelector(string Server, IReadOnlyList<VersionBound> Bounds)
{
    private static readonly string[] Flavors = ["mariadb", "mysql", "tidb"];

    [GeneratedRegex(@"^(?<op>>=|<=|>|<|=)(?<version>\d+(\.\d+)*)$")]
    private static partial Regex Bound();

    [GeneratedRegex(@"(?:TiDB-v)?(?<version>\d+(\.\d+)*)", RegexOptions.RightToLeft)]
    private static partial Regex TiDbVersion();

    [GeneratedRegex(@"^\d+(\.\d+)*")]
    private static partial Regex LeadingVersion();

    /// <summary>Reads <c>mariadb &gt;=10.5 &lt;12</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ServerSelector Parse(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
            throw new FormatException("'on' names no server: write a flavour (mariadb, mysql, tidb) or a target, then version bounds such as >=10.5 <12");
        var bounds = new List<VersionBound>();
        foreach (var word in words.Skip(1))
        {
            var match = Bound().Match(word);
            if (!match.Success)
                throw new FormatException($"'{word}' is not a version bound: write >=10.5, <12, =10.11, >8.0 or <=11.8");
            bounds.Add(new VersionBound(match.Groups["op"].Value, ParseVersion(match.Groups["version"].Value)));
        }
        return new ServerSelector(words[0], bounds);
    }

    /// <summary>True when the server is of this flavour (or is this target) and its version is within every bound.</summary>
    public bool Matches(ServerIdentity server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var named = Flavors.Contains(Server, StringComparer.OrdinalIgnoreCase)
            ? string.Equals(Server, server.Flavor, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Server, server.Target, StringComparison.Ordinal);
        if (!named)
            return false;
        if (Bounds.Count == 0)
            return true;
        var version = VersionOf(server);
        return version is not null && Bounds.All(b => b.Admits(version));
    }

    /// <summary>A selector for exactly this server's flavour and major.minor version, as <c>suite record</c> writes it.</summary>
    public static ServerSelector For(ServerIdentity server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var version = VersionOf(server);
        return version is null ? new ServerSelector(server.Flavor.ToLowerInvariant(), [])
            : new ServerSelector(server.Flavor.ToLowerInvariant(), [new VersionBound("=", [.. version.Take(2)])]);
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', [Server, .. Bounds.Select(b => b.ToString())]);

    private static int[]? VersionOf(ServerIdentity server)
    {
        // TiDB reports a MySQL version first ("8.0.11-TiDB-v7.5.4"); its own is the one that matters.
        var text = server.Flavor.Equals("tidb", StringComparison.OrdinalIgnoreCase) && TiDbVersion().Match(server.Version) is { Success: true } tidb
            ? tidb.Groups["version"].Value
            : LeadingVersion().Match(server.Version).Value;
        return text.Length == 0 ? null : ParseVersion(text);
    }

    private static int[] ParseVersion(string text) =>
        [.. text.Split('.').Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture))];
}

/// <summary>One version bound: an operator and the version parts it compares.</summary>
public sealed record VersionBound(string Operator, IReadOnlyList<int> Version)
{
    /// <summary>True when the version, cut to as many parts as the bound names, satisfies it.</summary>
    public bool Admits(IReadOnlyList<int> version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var order = 0;
        for (var i = 0; i < Version.Count && order == 0; i++)
            order = (i < version.Count ? version[i] : 0).CompareTo(Version[i]);
        return Operator switch
        {
            ">=" => order >= 0,
            "<=" => order <= 0,
            ">" => order > 0,
            "<" => order < 0,
            _ => order == 0,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Operator + string.Join('.', Version);
}
