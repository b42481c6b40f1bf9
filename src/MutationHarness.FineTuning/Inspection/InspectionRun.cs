using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>The state of one inspection: lines are checked in parallel batches and merged here in file order.</summary>
internal sealed class InspectionRun
{
    private readonly TokenCounter _counter;
    private readonly IssueCollector _errors = new();
    private readonly IssueCollector _warnings = new();
    private readonly Dictionary<UInt128, long> _firstLineOfExample = [];
    private readonly StatisticsAccumulator _statistics = new();
    private ChatExample? _firstExample;
    private int _lines;
    private int _missingSystem;
    private int _missingUser;

    public InspectionRun(TokenCounter counter) => _counter = counter;

    public void CheckBatch(List<(long Line, byte[] Bytes, bool Unterminated)> batch, CancellationToken cancellationToken)
    {
        var checks = new LineCheck[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (line, bytes, unterminated) = batch[i];
            var check = ExampleChecker.Check(line, bytes, unterminated);
            if (check.Example is { } example)
            {
                check.TotalTokens = _counter.EstimateExampleTokens(example);
                check.AssistantTokens = _counter.CountAssistantTokens(example);
            }
            checks[i] = check;
        });
        foreach (var check in checks)
            Merge(check);
    }

    private void Merge(LineCheck check)
    {
        _lines++;
        foreach (var (kind, detail) in check.Errors)
            _errors.Add(kind, check.LineNumber, detail);
        if (check.Example is not { } example)
            return;
        if (_firstLineOfExample.TryGetValue(check.DuplicateKey, out var firstLine))
            _errors.Add(FormatIssueKinds.DuplicateExample, check.LineNumber, $"duplicate of line {firstLine}");
        else
            _firstLineOfExample.Add(check.DuplicateKey, check.LineNumber);
        _firstExample ??= example;
        if (!check.HasSystem)
        {
            _missingSystem++;
            _warnings.Add(FormatIssueKinds.MissingSystemMessage, check.LineNumber);
        }
        if (!check.HasUser)
        {
            _missingUser++;
            _warnings.Add(FormatIssueKinds.MissingUserMessage, check.LineNumber);
        }
        _statistics.Add(example.Messages.Count, check.TotalTokens, check.AssistantTokens);
    }

    public InspectionReport Finish(string source, long fileBytes, ModelSpec model, string pricesAsOf)
    {
        if (fileBytes > ChatFileInspector.MaxFileBytes)
            _errors.Add(FormatIssueKinds.FileTooLarge, 0, $"{fileBytes:N0} bytes; the limit is {ChatFileInspector.MaxFileBytes:N0}");
        if (_lines < ChatFileInspector.MinExamples)
            _warnings.Add(FormatIssueKinds.TooFewExamples, 0, $"{_lines} examples; the service needs at least {ChatFileInspector.MinExamples}");
        return new InspectionReport(
            source,
            fileBytes,
            _lines,
            _firstExample,
            _errors.ToList(),
            _warnings.ToList(),
            _missingSystem,
            _missingUser,
            _statistics.Build(model, pricesAsOf));
    }
}
