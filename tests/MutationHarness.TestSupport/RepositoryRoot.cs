namespace MutationHarness.TestSupport;

/// <summary>The repository's root folder (the one holding MutationHarness.sln), found above the test binaries.</summary>
public static class RepositoryRoot
{
    /// <summary>The root folder's full path.</summary>
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
