namespace MutationHarness.Core.Fixtures;

/// <summary>Builds fixture scripts from the files users and upstream leave behind.</summary>
public static class FixtureScripts
{
    /// <summary>Reads an upstream-style data script (<c>output.data.sql</c>: <c>CREATE TABLE …; INSERT INTO … VALUES (…);</c>).</summary>
    public static async Task<FixtureScript> FromDataScriptAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return FromDataScript(Path.GetFileNameWithoutExtension(path), text);
    }

    /// <summary>Makes a fixture of a data script's text.</summary>
    public static FixtureScript FromDataScript(string name, string text) => new(name, DataScriptSplitter.Split(text));

    /// <summary>Reads a fixture directory: <c>schema.sql</c> then <c>data.sql</c> (as in <c>fixtures/default/</c>).</summary>
    public static async Task<FixtureScript> FromDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var schema = await File.ReadAllTextAsync(Path.Combine(directory, "schema.sql"), cancellationToken);
        var data = await File.ReadAllTextAsync(Path.Combine(directory, "data.sql"), cancellationToken);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        return new FixtureScript(name, [.. DataScriptSplitter.Split(schema), .. DataScriptSplitter.Split(data)]);
    }
}
