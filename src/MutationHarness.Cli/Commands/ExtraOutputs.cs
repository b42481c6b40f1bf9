using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary>The outputs of <c>verify</c> beside its JSON report: <c>--junit</c>, <c>--markdown</c>, and the differential
/// summary of a run on several targets.</summary>
internal sealed class ExtraOutputs : IAsyncDisposable
{
    private readonly string? _junitPath;
    private readonly string? _markdownPath;
    private JUnitReportWriter? _junit;

    private ExtraOutputs(string? junitPath, string? markdownPath)
    {
        _junitPath = junitPath;
        _markdownPath = markdownPath;
    }

    public static Option<FileInfo?> JUnit { get; } = new("--junit") { Description = "Also write JUnit XML: one test case per pair × target, failing unless the pair verified there (with the reason and the witness)." };

    public static Option<FileInfo?> Markdown { get; } = new("--markdown") { Description = "Also write a Markdown page: verdicts per strategy × target, the pairs whose verdicts differ across targets, the logic-bug candidates." };

    /// <summary>Verdicts per strategy × target and the pairs that differ, for the summary.</summary>
    public DifferentialSummary Differential { get; } = new();

    public static void AddTo(Command command)
    {
        command.Add(JUnit);
        command.Add(Markdown);
    }

    public static ExtraOutputs Read(ParseResult result) =>
        new(result.GetValue(JUnit)?.FullName, result.GetValue(Markdown)?.FullName);

    /// <summary>Called once the targets are up: the JUnit suites are named after them.</summary>
    public void Started(Verifier verifier)
    {
        if (_junitPath is not null)
            _junit = JUnitReportWriter.Create(_junitPath, verifier.OpenTargets.Select(t => t.Target.Name).ToList());
    }

    public async Task AddAsync(PairReport report, CancellationToken cancellationToken)
    {
        Differential.Add(report);
        if (_junit is not null)
            await _junit.AddAsync(report, cancellationToken);
    }

    /// <summary>Writes the files that are whole only at the end.</summary>
    public async Task CompleteAsync(VerificationSummary summary, CancellationToken cancellationToken)
    {
        if (_junit is not null)
        {
            await _junit.CompleteAsync(cancellationToken);
            Console.Error.WriteLine($"junit: {_junitPath}");
        }
        if (_markdownPath is not null)
        {
            await AtomicFile.WriteAllTextAsync(_markdownPath, MarkdownReport.Render(summary, Differential), cancellationToken);
            Console.Error.WriteLine($"markdown: {_markdownPath}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_junit is not null)
            await _junit.DisposeAsync();
    }
}
