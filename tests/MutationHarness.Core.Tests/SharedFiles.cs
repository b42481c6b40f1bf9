namespace MutationHarness.Core.Tests;

/// <summary>Finds the shared folder (design, seeds, corpora) that sits beside the repository.</summary>
internal static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("MUTATIONHARNESS_SHARED");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); root is null && dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "corpora")))
                root = candidate;
        }
        return System.IO.Path.Combine([root ?? throw new DirectoryNotFoundException("shared/ not found beside the repository"), .. parts]);
    }
}
