namespace MutationHarness.Evaluation;

/// <summary>Collects one example's metrics, details and invented identifiers while it is graded.</summary>
internal sealed class MetricSheet(EvalMode mode, IReadOnlyList<string>? informational = null)
{
    private readonly Dictionary<string, bool> _metrics = new(StringComparer.Ordinal);
    private readonly List<string> _details = [];
    private readonly List<HallucinatedIdentifier> _hallucinations = [];

    /// <summary>Sets a metric; setting it again replaces the earlier grade and its detail.</summary>
    public void Set(string metric, bool passed, string? detail = null)
    {
        if (_metrics.ContainsKey(metric))
            _details.RemoveAll(d => d.StartsWith(metric + ": ", StringComparison.Ordinal));
        _metrics[metric] = passed;
        if (!passed && detail is not null)
            _details.Add($"{metric}: {detail}");
    }

    public void Note(string detail) => _details.Add(detail);

    public void Invented(HallucinatedIdentifier identifier)
    {
        if (!_hallucinations.Contains(identifier))
            _hallucinations.Add(identifier);
    }

    public IReadOnlyList<HallucinatedIdentifier> Hallucinations => _hallucinations;

    /// <summary>Adds the names static resolution found (each use, with its position), which supersede the server's
    /// report of the same names, and judges no-hallucination again over all of them.</summary>
    public void Resolved(IReadOnlyList<HallucinatedIdentifier> found)
    {
        if (found.Count == 0)
            return;
        var server = _hallucinations.Where(h => h.Position is null).ToList();
        _hallucinations.Clear();
        _hallucinations.AddRange(found);
        // The server stops at its first unknown name; one it named that resolution did not is kept as its second opinion.
        _hallucinations.AddRange(server.Where(s => !found.Any(f => f.Kind == s.Kind && Bare(f.Name).Equals(Bare(s.Name), StringComparison.OrdinalIgnoreCase))));
        Set(MetricNames.NoHallucination, false, "unknown " + string.Join(", ", _hallucinations));
    }

    private static string Bare(string name) => name[(name.LastIndexOf('.') + 1)..];

    /// <summary>Fails every gating metric of the mode that is not set yet (nothing could be judged).</summary>
    public void FailRemaining(string detail, bool hasReference)
    {
        _details.Add(detail);
        // Hallucination is judged only on SQL that ran; execution accuracy only against a reference.
        foreach (var metric in MetricNames.For(mode).Where(m => m != MetricNames.NoHallucination
            && (hasReference || m is not (MetricNames.ExecutionAccuracy or MetricNames.Exact))))
            _metrics.TryAdd(metric, false);
    }

    public ExampleResult Build(TestExample example, ModelAnswer? answer, string? sql)
    {
        var ordered = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var metric in MetricNames.For(mode))
        {
            if (_metrics.TryGetValue(metric, out var passed))
                ordered[metric] = passed;
        }
        return new ExampleResult(example.Id, example.Line, example.Strategy, example.Dbms, answer?.Text, sql,
            ordered, _details.ToList(), _hallucinations.ToList(), example.Original, informational,
            ContentKey.Of(example), ContentKey.OfReference(example.Reference ?? example.Table));
    }
}
