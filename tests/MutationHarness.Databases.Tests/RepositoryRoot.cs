namespace MutationHarness.Databases.Tests;

internal static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "MutationHarness.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("MutationHarness.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
