using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>The state of one inspection: lines are checked in parallel batches and merged here in file order.</summary>
internal sealed class InspectionRun
{
    private readonly TokenCounter _counter;
    private readonly ModelSpec _model;
    private readonly IssueCollector _errors = new();
    private readonly IssueCollector _warnings = new();
    private readonly Dictionary<UInt128, long> _firstLineOfExample = [];
    private readonly StatisticsAccumulator _statistics = new();
    private ChatExample? _firstExample;
    private bool _firstIsLegacy;
    private int _examples;
    private int _validExamples;
    private int _legacyExamples;
    private int _missingSystem;
    private int _missingUser;

    public InspectionRun(ModelSpec model)
    {
        _model = model;
        _counter = TokenCounter.ForModel(model);
    }

    public void CheckBatch(List<(long Line, byte[] Bytes, bool Unterminated)> batch, CancellationToken cancellationToken)
    {
        var checks = new LineCheck[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (line, bytes, unterminated) = batch[i];
            var check = ExampleChecker.Check(line, bytes, unterminated);
            if (check.Example is { } example)
            {
                // A legacy line is its prompt and completion as they are: no chat framing.
                check.AssistantTokens = _counter.CountAssistantTokens(example);
                check.TotalTokens = check.Legacy
                    ? _counter.CountTokens(example.Messages[0].Content) + check.AssistantTokens
                    : _counter.EstimateExampleTokens(example);
            }
            checks[i] = check;
        });
        foreach (var check in checks)
            Merge(check);
    }

    private void Merge(LineCheck check)
    {
        if (check.Legacy && !_model.TakesPromptCompletion)
            check.AddError(FormatIssueKinds.LegacyPromptCompletion,
                "a legacy {\"prompt\",\"completion\"} example (the completions format of babbage-002 and davinci-002); chat models take {\"messages\": [...]}");
        else if (check.Example is not null && !check.Legacy && _model.TakesPromptCompletion)
            check.AddError(FormatIssueKinds.ChatExampleForCompletionModel,
                $"a chat example; {_model.Name} takes legacy {{\"prompt\",\"completion\"}} lines");
        foreach (var (kind, detail) in check.Errors)
            _errors.Add(kind, check.LineNumber, detail);
        if (check.Example is not { } example)
            return;
        _examples++;
        if (check.Errors.Count == 0)
            _validExamples++;
        if (check.Legacy)
            _legacyExamples++;
        // The service accepts a repeated example (it weighs twice), so a duplicate is a warning.
        if (_firstLineOfExample.TryGetValue(check.DuplicateKey, out var firstLine))
            _warnings.Add(FormatIssueKinds.DuplicateExample, check.LineNumber, $"duplicate of line {firstLine}");
        else
            _firstLineOfExample.Add(check.DuplicateKey, check.LineNumber);
        if (_firstExample is null)
            (_firstExample, _firstIsLegacy) = (example, check.Legacy);
        if (!check.HasSystem && !check.Legacy)
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

    public InspectionReport Finish(string source, long fileBytes, string pricesAsOf)
    {
        if (fileBytes > ChatFileInspector.MaxFileBytes)
            _errors.Add(FormatIssueKinds.FileTooLarge, 0, $"{fileBytes:N0} bytes; the limit is {ChatFileInspector.MaxFileBytes:N0}");
        if (_validExamples < ChatFileInspector.MinExamples)
            _errors.Add(FormatIssueKinds.TooFewExamples, 0, _examples == _validExamples
                ? $"{_validExamples} examples; the service needs at least {ChatFileInspector.MinExamples}"
                : $"{_validExamples} valid examples (of {_examples}); the service needs at least {ChatFileInspector.MinExamples}");
        return new InspectionReport(
            source,
            fileBytes,
            _examples,
            _firstExample,
            _errors.ToList(),
            _warnings.ToList(),
            _missingSystem,
            _missingUser,
            _statistics.Build(_model, pricesAsOf))
        {
            ValidExampleCount = _validExamples,
            LegacyExampleCount = _legacyExamples,
            FirstExampleIsLegacy = _firstIsLegacy,
        };
    }
}
