using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Verification;
using MutationHarness.Verification.Bundles;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary>The outputs of <c>verify</c> beside its JSON report: <c>--junit</c>, <c>--markdown</c>, <c>--bundles</c> (with
/// <c>--minimise</c>), and the differential summary of a run on several targets.</summary>
internal sealed class ExtraOutputs : IAsyncDisposable
{
    private readonly string? _junitPath;
    private readonly string? _markdownPath;
    private readonly string? _bundlesPath;
    private readonly bool _minimise;
    private readonly VerifyOptions _options;
    private JUnitReportWriter? _junit;
    private BugBundles? _bundles;

    private ExtraOutputs(string? junitPath, string? markdownPath, string? bundlesPath, bool minimise, VerifyOptions options)
    {
        _junitPath = junitPath;
        _markdownPath = markdownPath;
        _bundlesPath = bundlesPath;
        _minimise = minimise;
        _options = options;
    }

    public static Option<DirectoryInfo?> Bundles { get; } = new("--bundles") { Description = "Write one folder per logic-bug candidate here, ready to file upstream: repro.sql (runs with 'mariadb < repro.sql'), README.md shaped like a bug report, bundle.json; the same bug found through several pairs is one folder with a count." };

    public static Option<bool> Minimise { get; } = new("--minimise", "--minimize") { Description = "Minimise each bundled pair first (as 'harness minimise' does), on the first target it breaks on." };

    public static Option<FileInfo?> JUnit { get; } = new("--junit") { Description = "Also write JUnit XML: one test case per pair × target, failing unless the pair verified there (with the reason and the witness)." };

    public static Option<FileInfo?> Markdown { get; } = new("--markdown") { Description = "Also write a Markdown page: verdicts per strategy × target, the pairs whose verdicts differ across targets, the logic-bug candidates." };

    /// <summary>Verdicts per strategy × target and the pairs that differ, for the summary.</summary>
    public DifferentialSummary Differential { get; } = new();

    public static void AddTo(Command command)
    {
        command.Add(JUnit);
        command.Add(Markdown);
        command.Add(Bundles);
        command.Add(Minimise);
    }

    public static ExtraOutputs Read(ParseResult result, VerifyOptions options)
    {
        if (result.GetValue(Minimise) && result.GetValue(Bundles) is null)
            throw new UsageException("--minimise shrinks the pairs of --bundles: give --bundles DIR");
        var (junit, markdown) = (result.GetValue(JUnit)?.Given(), result.GetValue(Markdown)?.Given());
        // A directory or a socket is refused now, before any server starts.
        foreach (var path in new[] { junit, markdown }.OfType<string>())
            OutputPath.Resolve(path);
        return new(junit, markdown, result.GetValue(Bundles)?.FullName, result.GetValue(Minimise), options);
    }

    /// <summary>Called once the targets are up: the JUnit suites are named after them.</summary>
    public void Started(Verifier verifier)
    {
        if (_junitPath is not null)
            _junit = JUnitReportWriter.Create(_junitPath, verifier.OpenTargets.Select(t => t.Target.Name).ToList());
        if (_bundlesPath is not null)
            _bundles = new BugBundles(_bundlesPath, verifier, _options, _minimise, ServersCommand.Say);
    }

    public async Task AddAsync(PairReport report, CancellationToken cancellationToken)
    {
        Differential.Add(report);
        if (_junit is not null)
            await _junit.AddAsync(report, cancellationToken);
        if (_bundles is not null)
            await _bundles.AddAsync(report, cancellationToken);
    }

    /// <summary>Writes the files that are whole only at the end.</summary>
    public async Task CompleteAsync(VerificationSummary summary, CancellationToken cancellationToken)
    {
        if (_junit is not null)
        {
            await _junit.CompleteAsync(cancellationToken);
            Console.Error.WriteLine($"junit: {_junitPath}");
        }
        if (_bundles is not null)
            Console.Error.WriteLine($"bundles: {_bundles.Folders} folder(s) for {_bundles.Candidates} logic-bug candidate(s) in {_bundlesPath}");
        if (_markdownPath is not null)
        {
            await OutputFile.WriteAllTextAsync(_markdownPath, MarkdownReport.Render(summary, Differential), cancellationToken);
            Console.Error.WriteLine($"markdown: {_markdownPath}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_junit is not null)
            await _junit.DisposeAsync();
    }
}
