using MutationHarness.Core.Fixtures;

namespace MutationHarness.Verification;

/// <summary>The databases every pair without its own setup runs on: the user's data scripts, or generated ones.</summary>
internal static class SharedFixtures
{
    public static IReadOnlyList<FixtureScript> For(VerifyOptions options)
    {
        if (options.DataScripts.Count > 0)
        {
            return options.DataScripts
                .Select(path => FixtureScripts.FromDataScript(Path.GetFileName(path), ReadScript(path)))
                .ToList();
        }
        return Enumerable.Range(options.FixtureSeed, Math.Max(1, options.Databases))
            .Select(UpstreamFixtureGenerator.Generate)
            .ToList();
    }

    private static string ReadScript(string path)
    {
        if (!File.Exists(path))
            throw new Core.Records.InputException($"data script not found: {path}");
        return File.ReadAllText(path);
    }
}
