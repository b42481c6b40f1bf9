using MutationHarness.Tests;

namespace MutationHarness.Integration.Tests;

/// <summary>Paths the integration tests share: the repository's bug-report corpus and the built CLI.</summary>
internal static class SharedPaths
{
    public static string Corpus => RepositoryFiles.BugReports;

    public static string HarnessDll => Path.Combine(AppContext.BaseDirectory, "harness.dll");
}
