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

    /// <summary>Ryuk, Testcontainers' resource reaper (the version Testcontainers 4.16 pins).</summary>
    public const string Ryuk = "testcontainers/ryuk:0.14.0";

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

    /// <summary>The fully qualified reference of a Docker Hub image: <c>docker.io/library/mariadb:11.8</c>. The engine is always
    /// asked with it: Podman matches a short name against any local image whose name ends with it, so <c>mariadb:11.8</c>
    /// would find <c>mutationharness/mariadb:11.8</c>.</summary>
    internal static string Qualified(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : image[..slash];
        if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            return image; // names its registry already
        return "docker.io/" + (slash < 0 ? "library/" : "") + image;
    }
}
