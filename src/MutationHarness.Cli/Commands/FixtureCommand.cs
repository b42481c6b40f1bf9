using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Cli.Commands;

/// <summary><c>fixture</c>: generate upstream-shaped databases, or load a data script to see that it loads.</summary>
internal static class FixtureCommand
{
    public static Command Create()
    {
        var command = new Command("fixture", """
            Generate upstream-shaped fixture databases (tables table_3_utf8_undef and table_7_utf8_undef,
            20 typed columns, no NULLs, strings with real control characters), or load a data script
            (an upstream output.data.sql) into a target to check that it loads.

            Examples:
              harness fixture generate --seed 7 --out-dir fixtures/seed-7
              harness fixture load output.data.sql
            """) { Generate(), Load() };
        return command;
    }

    private static Command Generate()
    {
        var seed = new Option<int>("--seed") { Description = "The generator's seed (0 is the default database).", DefaultValueFactory = _ => 0 };
        var outDir = new Option<DirectoryInfo?>("--out-dir", "-o") { Description = "Write schema.sql and data.sql here (default: print both)." };
        var command = new Command("generate", "Write the DDL and data of one generated database.") { seed, outDir };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var (schema, data) = UpstreamFixtureGenerator.Render(result.GetValue(seed));
            if (result.GetValue(outDir) is not { } dir)
            {
                Console.Write(schema);
                Console.Write(data);
                return ExitCodes.Ok;
            }
            await OutputFile.WriteAllTextAsync(Path.Combine(dir.FullName, "schema.sql"), schema, cancellationToken);
            await OutputFile.WriteAllTextAsync(Path.Combine(dir.FullName, "data.sql"), data, cancellationToken);
            Console.WriteLine($"wrote {dir.FullName}/schema.sql and data.sql");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Load()
    {
        var script = new Argument<FileInfo>("script") { Description = "A SQL script: CREATE TABLE …; INSERT …;" };
        var target = new Option<string>("--target", "-t") { Description = "Where to load it.", DefaultValueFactory = _ => "local:mariadb" };
        var command = new Command("load", "Load a data script into a fresh database on a target, report its tables, then drop it.") { script, target };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var file = result.GetValue(script)!;
            if (!file.Exists)
                throw new UsageException($"data script not found: {file.FullName}");
            var fixture = await FixtureScripts.FromDataScriptAsync(file.FullName, cancellationToken);
            await using var opened = await new TargetOpener().OpenAsync(result.GetValue(target)!, new VerifyOptions { Jobs = 1 }, cancellationToken);
            FixtureDatabase database;
            try
            {
                database = await opened.LoadFixtureAsync(fixture, cancellationToken);
            }
            catch (FixtureLoadException e)
            {
                Console.Error.WriteLine($"error: {file.Name} does not load: {e.Message}");
                return ExitCodes.Failed;
            }
            Console.WriteLine($"{file.Name}: {fixture.Statements.Count} statements loaded on {opened.Name} ({opened.Server.Flavor} {opened.Server.Version})");
            var tables = await opened.ExecuteAsync(database, "SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME", TimeSpan.FromSeconds(10), cancellationToken);
            if (tables is RowsOutcome rows)
            {
                foreach (var row in rows.Result.Rows)
                    Console.WriteLine($"  {row.Cells[0]}  ~{row.Cells[1]} rows");
            }
            await opened.DropFixtureAsync(database, cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
