using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Records;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation;

/// <summary>Every target opened with each schema script loaded as a database of its own: what SQL and DDL answers
/// are graded against.</summary>
internal sealed class SchemaTargets : IAsyncDisposable
{
    private SchemaTargets(IReadOnlyList<OpenTarget> open) => Open = open;

    /// <summary>The targets, each with one database per schema script, in the order given.</summary>
    public IReadOnlyList<OpenTarget> Open { get; }

    /// <summary>The targets in use, with their server versions.</summary>
    public IReadOnlyList<string> Descriptions =>
        Open.Select(o => $"{o.Target.Name} ({o.Target.Server.Flavor} {o.Target.Server.Version})").ToList();

    /// <summary>Opens every target and loads each schema script (any setup SQL) as one database.</summary>
    public static async Task<SchemaTargets> StartAsync(VerifyOptions options, IReadOnlyList<string> schemaFiles, string mode,
        ITargetOpener opener, CancellationToken cancellationToken)
    {
        if (schemaFiles.Count == 0)
            throw new InputException($"{mode} mode needs a schema fixture: a setup SQL file that builds the tables the questions are about");
        var fixtures = new List<FixtureScript>();
        foreach (var file in schemaFiles)
        {
            if (!File.Exists(file))
                throw new InputException($"schema fixture not found: {file}");
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            fixtures.Add(new FixtureScript(Path.GetFileName(file), DataScriptSplitter.Split(text)));
        }
        var open = new List<OpenTarget>();
        try
        {
            foreach (var spec in options.Targets)
            {
                var target = await opener.OpenAsync(spec, options, cancellationToken);
                var databases = new List<FixtureDatabase>();
                open.Add(new OpenTarget(target, databases));
                foreach (var fixture in fixtures)
                    databases.Add(await target.LoadFixtureAsync(fixture, cancellationToken));
            }
        }
        catch
        {
            await new SchemaTargets(open).DisposeAsync();
            throw;
        }
        return new SchemaTargets(open);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var (target, databases) in Open)
        {
            foreach (var database in databases)
            {
                try { await target.DropFixtureAsync(database, CancellationToken.None); }
                catch (Exception) { /* the server goes away with the target anyway */ }
            }
            await target.DisposeAsync();
        }
    }
}
