using System.Globalization;
using System.Text;
using System.Xml;
using MutationHarness.Core.Files;
using MutationHarness.Core.Results;
using MutationHarness.Core.Text;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>Writes <c>verify --junit</c>: one test case per pair × target, a suite per target; a case fails unless the pair
/// verified there, with the reason and the witness. Cases stream into one scratch file per target, so memory stays flat;
/// the file appears, whole, when the run completes.</summary>
public sealed class JUnitReportWriter : IAsyncDisposable
{
    private static readonly XmlWriterSettings Fragment = new() { ConformanceLevel = ConformanceLevel.Fragment, Indent = true, Async = true };
    private readonly string _path;
    private readonly string _scratch;
    private readonly Suite[] _suites;

    // The scratch files live in a private temporary folder, never beside the output: that may be a FIFO or /dev/stdout.
    private JUnitReportWriter(string path, IReadOnlyList<string> targets)
    {
        _path = path;
        _scratch = Directory.CreateTempSubdirectory("mh-junit-").FullName;
        _suites = targets.Select((t, i) => new Suite(t, Path.Combine(_scratch, $"{i}.part"))).ToArray();
    }

    /// <summary>Starts the report for the targets of a run, in the run's order; <paramref name="path"/> is written as
    /// <see cref="OutputFile"/> writes (<c>-</c>, a symlink, a FIFO or a device included).</summary>
    public static JUnitReportWriter Create(string path, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        OutputPath.Resolve(path);
        return new JUnitReportWriter(path, targets);
    }

    /// <summary>Adds one pair's cases: one per target (a pair stopped before running fails on every target).</summary>
    public async Task AddAsync(PairReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var suite in _suites)
        {
            var target = report.Targets.FirstOrDefault(t => t.Target == suite.Target);
            var verdict = target?.Verdict ?? report.Verdict;
            suite.Tests++;
            var xml = suite.Writer;
            await xml.WriteStartElementAsync(null, "testcase", null);
            await xml.WriteAttributeStringAsync(null, "classname", null, Clean(suite.Target));
            await xml.WriteAttributeStringAsync(null, "name", null, Clean($"{report.Id} ({report.Strategy ?? "no strategy"})"));
            var seconds = target?.Databases.Sum(d => (d.Original?.ElapsedMs ?? 0) + (d.Mutated?.ElapsedMs ?? 0)) / 1000 ?? 0;
            await xml.WriteAttributeStringAsync(null, "time", null, seconds.ToString("0.###", CultureInfo.InvariantCulture));
            if (verdict != Verdict.Verified)
            {
                suite.Failures++;
                await xml.WriteStartElementAsync(null, "failure", null);
                await xml.WriteAttributeStringAsync(null, "type", null, verdict.Name());
                await xml.WriteAttributeStringAsync(null, "message", null, Clean(TargetOutcomeText.Line(report, target)));
                var body = new StringBuilder(TargetOutcomeText.Line(report, target)).Append('\n');
                if (report.Expected is { } expected)
                    body.Append($"expected: {expected.Relation.Describe()} (from {expected.From})\n");
                if (target is not null && TargetOutcomeText.Witness(report, target) is { Length: > 0 } witness)
                    body.Append("witness:\n").Append(witness);
                await xml.WriteStringAsync(Clean(body.ToString()));
                await xml.WriteEndElementAsync();
            }
            if (report.Pair is { } pair)
                await xml.WriteElementStringAsync(null, "system-out", null, Clean($"original: {pair.Original}\nmutated:  {pair.Mutated}"));
            await xml.WriteEndElementAsync();
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Writes the whole file from the scratch files.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await using var output = OutputFile.Create(_path);
        await using (var xml = XmlWriter.Create(output.Stream, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false }))
        {
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "testsuites", null);
            await xml.WriteAttributeStringAsync(null, "name", null, "harness verify");
            await xml.WriteAttributeStringAsync(null, "tests", null, Number(_suites.Sum(s => s.Tests)));
            await xml.WriteAttributeStringAsync(null, "failures", null, Number(_suites.Sum(s => s.Failures)));
            foreach (var suite in _suites)
            {
                await suite.Writer.FlushAsync();
                await xml.WriteStartElementAsync(null, "testsuite", null);
                await xml.WriteAttributeStringAsync(null, "name", null, Clean(suite.Target));
                await xml.WriteAttributeStringAsync(null, "tests", null, Number(suite.Tests));
                await xml.WriteAttributeStringAsync(null, "failures", null, Number(suite.Failures));
                await xml.WriteAttributeStringAsync(null, "errors", null, "0");
                await xml.WriteRawAsync(await File.ReadAllTextAsync(suite.Path, cancellationToken));
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }
        await output.CommitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var suite in _suites)
        {
            await suite.Writer.DisposeAsync();
        }
        Directory.Delete(_scratch, recursive: true);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Clean(string text) => XmlSafeText.Clean(text);

    private sealed class Suite(string target, string path)
    {
        public string Target { get; } = target;

        public string Path { get; } = path;

        public XmlWriter Writer { get; } = XmlWriter.Create(path, Fragment);

        public int Tests { get; set; }

        public int Failures { get; set; }
    }
}
