using MutationHarness.Databases.Targets;

namespace MutationHarness.Containers;

/// <summary>The one reviewed place where container image versions are pinned (docker/compose.yaml uses the same).</summary>
public static class ContainerImages
{
    /// <summary>Oracle MySQL 8.0.</summary>
    public const string MySql = "mysql:8.0.40";

    /// <summary>MariaDB 10.11 LTS, the same series as the embedded default.</summary>
    public const string MariaDb = "mariadb:10.11.10";

    /// <summary>TiDB 7.5 LTS (a single unistore-backed server).</summary>
    public const string TiDb = "pingcap/tidb:v7.5.4";

    /// <summary>The image for a flavour, with the user's tag when one was given.</summary>
    public static string For(ServerFlavor flavor, string? tag)
    {
        var pinned = flavor switch
        {
            ServerFlavor.MySql => MySql,
            ServerFlavor.MariaDb => MariaDb,
            ServerFlavor.TiDb => TiDb,
            _ => throw new ArgumentOutOfRangeException(nameof(flavor), flavor, "Only mysql, mariadb and tidb run in containers."),
        };
        return tag is null ? pinned : pinned[..pinned.LastIndexOf(':')] + ":" + tag;
    }
}
