using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification.Generation;

/// <summary>The dbms a generated pair may be labelled with: only the flavour of a server it ran on.</summary>
public static class DbmsLabels
{
    /// <summary>The label of a server flavour (<c>mariadb</c>, <c>mysql</c>, <c>tidb</c>), or null when the flavour is unknown.</summary>
    public static string? Of(ServerFlavor flavor) => flavor switch
    {
        ServerFlavor.MariaDb => "mariadb",
        ServerFlavor.MySql => "mysql",
        ServerFlavor.TiDb => "tidb",
        _ => null,
    };

    /// <summary>The label of a flavour as a report names it (<c>MariaDb</c> → <c>mariadb</c>).</summary>
    public static string OfName(string flavor) =>
        Enum.TryParse<ServerFlavor>(flavor, out var parsed) && Of(parsed) is { } label ? label : flavor.ToLowerInvariant();

    /// <summary>The label to use: the one asked for when a target has that flavour, else the first target's; an error
    /// (why, and what to do) when the asked label is no target's flavour or no target's flavour is known.</summary>
    public static (string? Label, string? Error) Choose(string? asked, IReadOnlyList<(string Target, ServerFlavor Flavor)> targets)
    {
        var known = targets.Where(t => Of(t.Flavor) is not null).ToList();
        var described = string.Join(", ", targets.Select(t => $"{t.Target} is {Of(t.Flavor) ?? "of unknown flavour"}"));
        if (asked is null)
        {
            return known.Count > 0
                ? (Of(known[0].Flavor), null)
                : (null, $"no target's flavour is known ({described}), so no dbms label can be vouched for: add a local: or container: target");
        }

        return known.Any(t => string.Equals(Of(t.Flavor), asked, StringComparison.OrdinalIgnoreCase))
            ? (asked.ToLowerInvariant(), null)
            : (null, $"--dbms-label {asked}: no target runs {asked} ({described}); a pair is only labelled with a dbms it ran on: " +
                "drop --dbms-label or add a target of that flavour");
    }
}
