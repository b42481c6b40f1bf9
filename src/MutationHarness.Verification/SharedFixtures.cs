using MutationHarness.Core.Fixtures;

namespace MutationHarness.Verification;

/// <summary>The databases every pair without its own setup runs on: the user's data scripts, or generated ones.</summary>
internal static class SharedFixtures
{
    /// <remarks>Every statement of them runs under the statement deadline, enforced by the server and by the client.</remarks>
    public static IReadOnlyList<FixtureScript> For(VerifyOptions options)
    {
        if (options.Fixtures.Count > 0)
        {
            return options.Fixtures.Select(script => script with { StatementTimeout = options.StatementTimeout }).ToList();
        }

        var scripts = options.DataScripts.Count > 0
            ? options.DataScripts.Select(path => FixtureScripts.FromDataScript(Path.GetFileName(path), ReadScript(path)))
            : Enumerable.Range(options.FixtureSeed, Math.Max(1, options.Databases)).Select(UpstreamFixtureGenerator.Generate);
        return scripts.Select(script => script with { StatementTimeout = options.StatementTimeout }).ToList();
    }

    private static string ReadScript(string path)
    {
        if (!File.Exists(path))
            throw new Core.Records.InputException($"data script not found: {path}");
        return File.ReadAllText(path);
    }
}
