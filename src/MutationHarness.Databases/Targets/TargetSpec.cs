using System.Text.RegularExpressions;
using MySqlConnector;

namespace MutationHarness.Databases.Targets;

/// <summary>Where a target's server comes from.</summary>
public enum TargetKind
{
    /// <summary>A throwaway server the harness starts from binaries on this machine (<c>local:mariadb</c>).</summary>
    Local,

    /// <summary>A throwaway server in a container (<c>container:mysql:8.0.40</c>).</summary>
    Container,

    /// <summary>An existing server reached through a MySQL connection string.</summary>
    ConnectionString,
}

/// <summary>A parsed <c>--target</c> value: <c>local:mariadb[:version]|mysql|tidb</c>, <c>container:mysql|mariadb|tidb[:tag]</c>, or a connection string.</summary>
/// <remarks>For a local target the tag is a MariaDB series (<c>local:mariadb:10.5</c>) run from a provisioned root.</remarks>
public sealed partial record TargetSpec(TargetKind Kind, ServerFlavor Flavor, string? Tag, string? ConnectionString)
{
    /// <summary>The embedded default, <c>local:mariadb</c>.</summary>
    public static TargetSpec LocalMariaDb { get; } = new(TargetKind.Local, ServerFlavor.MariaDb, null, null);

    /// <summary>A name safe to print: the spec as given, a connection string's password hidden.</summary>
    public string DisplayName => Kind switch
    {
        TargetKind.Local => "local:" + FlavorName(Flavor) + (Tag is null ? "" : ":" + Tag),
        TargetKind.Container => "container:" + FlavorName(Flavor) + (Tag is null ? "" : ":" + Tag),
        _ => HidePassword(ConnectionString!),
    };

    /// <summary>Parses a target spec, throwing <see cref="TargetSpecException"/> when it is not one.</summary>
    public static TargetSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spec = text.Trim();
        if (spec.StartsWith("local:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = spec["local:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var flavor = ParseFlavor(spec, colon < 0 ? rest : rest[..colon]);
            if (colon < 0)
                return new(TargetKind.Local, flavor, null, null);
            var version = rest[(colon + 1)..];
            if (flavor != ServerFlavor.MariaDb)
                throw new TargetSpecException(spec, "only MariaDB runs locally in other versions (local:mariadb:<version>).");
            if (Local.Versions.MariaDbRelease.Find(version) is not { } release)
                throw new TargetSpecException(spec, $"unknown MariaDB version '{version}'; known: {Local.Versions.MariaDbRelease.Known}.");
            return new(TargetKind.Local, flavor, release.Version, null);
        }
        if (spec.StartsWith("container:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = spec["container:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var flavor = ParseFlavor(spec, colon < 0 ? rest : rest[..colon]);
            var tag = colon < 0 ? null : rest[(colon + 1)..];
            if (tag is { Length: 0 } || (tag is not null && tag.Any(char.IsWhiteSpace)))
                throw new TargetSpecException(spec, "the image tag after the second ':' is empty or has spaces.");
            return new(TargetKind.Container, flavor, tag, null);
        }
        if (spec.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                var builder = new MySqlConnectionStringBuilder(spec);
                if (string.IsNullOrEmpty(builder.Server))
                    throw new TargetSpecException(HidePassword(spec), "the connection string has no Server.");
            }
            catch (ArgumentException ex)
            {
                throw new TargetSpecException("(connection string)", UnreadableReason(spec, ex));
            }
            return new(TargetKind.ConnectionString, ServerFlavor.Other, null, spec);
        }
        throw new TargetSpecException(spec, "expected local:mariadb[:version]|mysql|tidb, container:mysql|mariadb|tidb[:tag], or a connection string such as 'Server=127.0.0.1;Port=3306;User ID=root;Password=…'.");
    }

    /// <inheritdoc />
    public override string ToString() => DisplayName;

    internal static string FlavorName(ServerFlavor flavor) => flavor switch
    {
        ServerFlavor.MariaDb => "mariadb",
        ServerFlavor.MySql => "mysql",
        ServerFlavor.TiDb => "tidb",
        _ => "other",
    };

    /// <summary>What the user gave after <c>--target</c>, safe to print: a connection string's password hidden, and
    /// anything that contains '=' but cannot be read as a connection string not shown at all.</summary>
    public static string SafeName(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Contains('=', StringComparison.Ordinal) ? HidePassword(spec.Trim()) : spec;
    }

    // The driver's message names the option it could not read; after a password, that may be a piece of the password
    // (a value holding ';' unquoted), so it is not repeated then.
    private static string UnreadableReason(string spec, ArgumentException ex) =>
        PasswordKey().IsMatch(spec)
            ? "it cannot be read as a connection string: an option is unknown or malformed (a value holding ';' or '=' goes in double quotes)."
            : ex.Message;

    [GeneratedRegex(@"(^|;)\s*(password|pwd)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordKey();

    internal static string HidePassword(string connectionString)
    {
        try
        {
            var builder = new MySqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password))
                builder.Password = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    private static ServerFlavor ParseFlavor(string spec, string name) => name.ToLowerInvariant() switch
    {
        "mariadb" => ServerFlavor.MariaDb,
        "mysql" => ServerFlavor.MySql,
        "tidb" => ServerFlavor.TiDb,
        _ => throw new TargetSpecException(spec, $"unknown server '{name}'; expected mariadb, mysql or tidb."),
    };
}
