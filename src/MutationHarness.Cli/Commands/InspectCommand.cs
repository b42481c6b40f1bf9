using System.CommandLine;
using MutationHarness.FineTuning;

namespace MutationHarness.Cli.Commands;

/// <summary><c>inspect</c>: check a chat fine-tuning file's format and estimate its tokens and training cost.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSONL file to check (one chat example per line)." };
        var model = new Option<string>("--model") { Description = "The model to fine-tune: picks the tokenizer, the per-example limit and the price.", DefaultValueFactory = _ => ModelCatalog.DefaultModel };
        var models = new Option<FileInfo?>("--models") { Description = "A model table to use instead of the models.json shipped beside the binary." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var manifest = new Option<FileInfo?>("--manifest")
        {
            Description = "Also print where the lines were verified (target, server, databases, label) from the dataset's manifest.json; alone, the one beside the file.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("inspect", """
            Check a chat fine-tuning file line by line (format errors by kind, with line numbers; warnings),
            then print the statistics of the public data-prep checklist: message and token distributions,
            examples over the model's limit, billing tokens, default epochs and the estimated cost.
            Token counts are an estimate. Exit 0 when the file is well formed, 1 on format errors,
            2 when the file (or the model table) cannot be read or the model is unknown.

            Examples:
              harness inspect dataset/train.jsonl
              harness inspect dataset/train.jsonl --model gpt-4.1-mini-2025-04-14 --json
              harness inspect mydata.jsonl --models my-prices.json --model my-model
              harness inspect dataset/train.jsonl --manifest
            """) { file, model, models, json, manifest };
        command.SetAction((result, cancellationToken) =>
        {
            // --manifest without a value means the manifest.json beside the file.
            var manifestPath = result.GetResult(manifest) is null ? null
                : result.GetValue(manifest)?.FullName ?? Path.Combine(result.GetValue(file)!.DirectoryName ?? ".", DatasetBuilder.ManifestFileName);
            return RunAsync(result.GetValue(file)!, result.GetValue(model)!, result.GetValue(models), result.GetValue(json), manifestPath, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string model, FileInfo? models, bool json, string? manifest, CancellationToken cancellationToken)
    {
        try
        {
            var catalog = models is null ? ModelCatalog.LoadDefault() : await ModelCatalog.LoadAsync(models.FullName, cancellationToken);
            var inspector = new ChatFileInspector(catalog, model);
            var report = await inspector.InspectAsync(file.FullName, cancellationToken);
            var provenance = manifest is null ? null : await ManifestProvenance.ReadAsync(manifest, file.FullName, cancellationToken);
            if (json)
                InspectionReportWriter.WriteJson(report, Console.Out, provenance);
            else
            {
                InspectionReportWriter.WriteText(report, Console.Out);
                provenance?.WriteText(Console.Out);
                if (provenance is not null && provenance.Lines != report.ExampleCount)
                    Console.WriteLine($"note: the manifest describes {provenance.Lines} {provenance.Split} lines and the file holds {report.ExampleCount} examples: is it this file's manifest?");
            }
            return report.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: cannot read the input: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
