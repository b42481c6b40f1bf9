namespace MutationHarness.Core.Files;

/// <summary>Follows symbolic links, so outputs are written where a link points instead of replacing the link.</summary>
internal static class Links
{
    private const int MaxLinks = 40;

    /// <summary>The path a chain of links ends at (it may not exist yet), and every path met on the way.</summary>
    public static (string Final, IReadOnlyList<string> Visited) Follow(string path)
    {
        var visited = new List<string> { path };
        for (var hop = 0; hop < MaxLinks; hop++)
        {
            var target = new FileInfo(path).LinkTarget;
            if (target is null)
                return (path, visited);
            path = Path.GetFullPath(target, Path.GetDirectoryName(path)!);
            visited.Add(path);
        }
        throw new OutputException($"{visited[0]}: too many levels of symbolic links");
    }
}
