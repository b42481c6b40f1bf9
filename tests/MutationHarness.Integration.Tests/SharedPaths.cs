namespace MutationHarness.Integration.Tests;

/// <summary>Paths of the shared folder beside the repository and of the built CLI.</summary>
internal static class SharedPaths
{
    public static string Shared { get; } = Find();

    public static string Corpus => Path.Combine(Shared, "corpora", "pinolo-bugreports.jsonl");

    public static string HarnessDll => Path.Combine(AppContext.BaseDirectory, "harness.dll");

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("MUTATIONHARNESS_SHARED") is { } given)
            return given;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpora")))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/ (with corpora/) not found beside the repository");
    }
}
