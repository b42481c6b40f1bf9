namespace MutationHarness.Tests;

/// <summary>Files the repository ships for the tests and benchmarks (fixtures/, docs/), found from the build output upward.
/// Compiled into every test project (tests/Directory.Build.props), so a clone alone has all they read.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the folder that holds MutationHarness.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The 41 real bug-report pairs with their setup.</summary>
    public static string BugReports => Path("fixtures", "bug-reports", "pinolo-bugreports.jsonl");

    /// <summary>A path below the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MutationHarness.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("MutationHarness.sln not found above " + AppContext.BaseDirectory);
    }
}
