namespace MutationHarness.Databases.Local;

/// <summary>Where the harness keeps what it can reuse between runs (data-directory templates).</summary>
internal static class CacheDirectory
{
    public static string Root
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var baseDirectory = !string.IsNullOrEmpty(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(baseDirectory, "mutationharness");
        }
    }
}
