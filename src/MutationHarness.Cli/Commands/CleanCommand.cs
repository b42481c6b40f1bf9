using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.FineTuning;
using MutationHarness.Sql;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary><c>clean</c>: verify, then write only the pairs that pass the emit policy as a fine-tuning dataset.</summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var set = new VerifyOptionSet();
        var outDir = new Option<DirectoryInfo>("--out-dir", "-o") { Description = "Where train.jsonl, validation.jsonl, rejected.jsonl and manifest.json go.", Required = true };
        var policy = new Option<string>("--policy") { Description = "verified (default): relation held everywhere; keep-violations: also conforming pairs whose relation broke reproducibly.", DefaultValueFactory = _ => "verified" };
        var instruction = new Option<string>("--instruction") { Description = "System-message style: mutate or synthesize.", DefaultValueFactory = _ => "mutate" };
        var maxPerStrategy = new Option<int?>("--max-per-strategy") { Description = "At most this many examples per strategy." };
        var maxPerDbms = new Option<int?>("--max-per-strategy-dbms") { Description = "At most this many examples per strategy on each dbms." };
        var minPerStrategy = new Option<int>("--min-per-strategy") { Description = "Warn when a strategy has fewer examples.", DefaultValueFactory = _ => 10 };
        var minPerCell = new Option<int>("--min-per-strategy-dbms") { Description = "Warn when a strategy on a dbms label the input holds has fewer examples.", DefaultValueFactory = _ => 3 };
        var balanceDbms = new Option<bool>("--balance-dbms") { Description = "Cap every dbms label of a strategy at its smallest's count, so no dbms dominates." };
        var requireLabel = new Option<bool>("--require-label-verified") { Description = "Keep only pairs verified on a server of their label's dbms (MariaDB for mariadb, MySQL for mysql, TiDB for tidb, a server whose version names OceanBase for oceanbase)." };
        var preferShort = new Option<bool>("--prefer-short") { Description = "When a cap drops pairs, keep the shortest." };
        var seed = new Option<int>("--seed") { Description = "Seed of the split and of every random choice.", DefaultValueFactory = _ => 0 };
        var validation = new Option<double>("--validation-fraction") { Description = "Share held out for validation.", DefaultValueFactory = _ => 0.1 };
        var model = new Option<string>("--model") { Description = "Model whose tokens, limit and price the manifest's estimate uses.", DefaultValueFactory = _ => ModelCatalog.DefaultModel };
        var dbms = new Option<string?>("--dbms") { Description = "The dbms named in the role prompt for records that name none (default: the first target's server)." };
        var fromReport = new Option<string?>("--from-report") { Description = "Build the dataset from a finished verdict report (verify --out, or harness merge) instead of verifying the pairs again." };
        var command = new Command("clean", """
            Verify the pairs exactly as verify does, then write only those that pass the emit policy as
            OpenAI chat fine-tuning files, deduplicated, balanced and split, with a manifest of what was kept,
            what was dropped and why, token statistics and a cost estimate. Rejects are normal: exit 0.
            The four files are swapped in together, so a reader sees the old dataset or the new one, never a mix.

            Examples:
              harness clean pairs.jsonl --out-dir dataset
              harness clean merged/ --out-dir dataset --instruction synthesize --max-per-strategy 200 --prefer-short
              harness clean pairs.jsonl --out-dir dataset --target local:mariadb --target container:mysql --require-label-verified --balance-dbms
              harness clean --from-report report.jsonl --out-dir dataset      # no server: the report's verdicts as they are
            """);
        set.AddTo(command);
        foreach (var option in new Option[] { outDir, policy, instruction, maxPerStrategy, maxPerDbms, minPerStrategy, minPerCell, balanceDbms, requireLabel, preferShort, seed, validation, model, dbms, fromReport })
            command.Add(option);
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var emit = EmitPolicies.Parse(result.GetValue(policy)!);
            var style = result.GetValue(instruction) switch
            {
                "mutate" => InstructionStyle.Mutate,
                "synthesize" => InstructionStyle.Synthesize,
                var other => throw new UsageException($"unknown --instruction '{other}': use mutate or synthesize"),
            };
            var options = new DatasetOptions
            {
                InstructionStyle = style,
                Normalise = SqlText.Normalize,
                NormaliserName = "sql-engine",
                MaxPerStrategy = result.GetValue(maxPerStrategy),
                MaxPerStrategyPerDbms = result.GetValue(maxPerDbms),
                MinPerStrategy = result.GetValue(minPerStrategy),
                MinPerStrategyPerDbms = result.GetValue(minPerCell),
                BalanceDbms = result.GetValue(balanceDbms),
                RequireLabelVerified = result.GetValue(requireLabel),
                PreferShort = result.GetValue(preferShort),
                Seed = result.GetValue(seed),
                ValidationFraction = result.GetValue(validation),
                Model = result.GetValue(model)!,
            };
            _ = CreateBuilder(options); // bad dataset options fail before any server time is spent
            var dataset = result.GetValue(outDir)!.FullName;
            FolderReplacement.Check(dataset, DatasetBuilder.FileNames);
            var candidates = new List<DatasetCandidate>();
            var servers = new SortedSet<string>(StringComparer.Ordinal);
            void Take(ReportedRecord record)
            {
                candidates.Add(Candidate(record, emit, result.GetValue(dbms)));
                servers.UnionWith(record.Targets.Select(t => $"{t.Target}: {t.ServerFlavor} {t.ServerVersion}, sql_mode={t.SqlMode}"));
            }

            Dictionary<string, string> verification;
            if (result.GetValue(fromReport) is { } report)
            {
                if (result.GetValue(set.Inputs) is { Length: > 0 })
                    throw new UsageException("give either the pairs to verify or --from-report REPORT, not both");
                await foreach (var record in ReportReader.ReadAsync(report, cancellationToken))
                    Take(record);
                verification = new Dictionary<string, string> { ["fromReport"] = Path.GetFullPath(report), ["targets"] = string.Join("; ", servers) };
            }
            else
            {
                var verify = set.Read(result);
                var summary = new VerificationSummary();
                var end = await PairRun.RunAsync(verify, set.ReadInputs(result), RecordSelection.All, summary, report =>
                {
                    Take(ReportedRecord.From(report));
                    return Task.CompletedTask;
                });
                SummaryPrinter.Print(summary, json: false, Console.Error);
                if (!end.Finished)
                {
                    end.Explain();
                    Console.Error.WriteLine($"stopped early: no dataset written ({dataset} is as it was). To keep verified work across " +
                        "interruptions, run verify --out R (resumable with --resume), then clean --from-report R.");
                    return end.ExitCode;
                }
                verification = new Dictionary<string, string>
                {
                    ["targets"] = string.Join("; ", servers),
                    ["statementTimeoutSeconds"] = verify.StatementTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["reruns"] = verify.Reruns.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["seedResultsReused"] = verify.ReuseSeedResults ? "yes" : "no",
                    ["databases"] = verify.DataScripts.Count > 0 ? string.Join(", ", verify.DataScripts) : $"{verify.Databases} generated from seed {verify.FixtureSeed}",
                };
            }

            var builder = CreateBuilder(options with { EmitPolicy = emit.Name(), Verification = verification });
            var built = await builder.BuildAsync(candidates, dataset, cancellationToken);
            Console.WriteLine($"policy {emit.Name()}: {built.InputCount:N0} records → {built.TrainCount:N0} train, {built.ValidationCount:N0} validation, {built.RejectedCount:N0} rejected");
            foreach (var (reason, count) in built.DroppedByReason.OrderByDescending(e => e.Value))
                Console.WriteLine($"  dropped {count,6:N0}  {reason}");
            foreach (var warning in built.Warnings)
                Console.WriteLine($"warning: {warning}");
            Console.WriteLine($"manifest: {built.ManifestPath}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static DatasetBuilder CreateBuilder(DatasetOptions options)
    {
        var instructions = StrategyCatalog.Default.All.ToDictionary(s => s.Name, s => s.Instructions);
        try
        {
            return new DatasetBuilder(options, instructions);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static DatasetCandidate Candidate(ReportedRecord report, EmitPolicy policy, string? dbms)
    {
        var (passed, reason) = policy.Judge(report.Verdict, report.Reason);
        var server = report.Targets.Count > 0 ? report.Targets[0].ServerFlavor.ToLowerInvariant() : "mysql";
        // Where it passed: the servers whose own verdict the policy accepts, with the databases it ran on there.
        var verifiedOn = report.Targets.Where(t => policy.Accepts(t.Verdict))
            .Select(t => new VerifiedServer(t.Target, t.ServerFlavor, t.ServerVersion, t.Databases))
            .ToList();
        return new DatasetCandidate(report.Id, report.Source, report.Strategy ?? "(none)",
            report.Dbms ?? dbms ?? server, report.Original ?? "", report.Mutated ?? "", passed, reason, report.Setup,
            report.Verdict.Name(), verifiedOn);
    }
}
