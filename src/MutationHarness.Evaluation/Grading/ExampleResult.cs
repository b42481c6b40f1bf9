namespace MutationHarness.Evaluation;

/// <summary>How one example was graded: each metric's pass or fail, with the details that explain it.</summary>
/// <param name="Id">The example's id.</param>
/// <param name="Line">The example's line in the test file.</param>
/// <param name="Strategy">The strategy (mutation mode), or null.</param>
/// <param name="Dbms">The dbms the example names, or null.</param>
/// <param name="Output">The model's whole answer, or null when there was none.</param>
/// <param name="Sql">The SQL taken out of the answer.</param>
/// <param name="Metrics">Pass (true) or fail per metric; a metric that does not apply to the example is absent.</param>
/// <param name="Details">Why metrics failed, one sentence each.</param>
/// <param name="Hallucinations">The unknown identifiers the servers named.</param>
/// <param name="Input">The user's message (seed query or question), so that a baseline pairs an id with the same example only.</param>
/// <param name="Informational">The metrics reported but not gating for this example; null means <see cref="MetricNames.Informational"/>.</param>
/// <param name="Key">The example's content key (a hash of its prompt): a baseline matches examples by it, whatever the file or line.</param>
/// <param name="ReferenceKey">A hash of the reference answer, so that an example whose reference was edited shows as changed.</param>
/// <param name="Ddl">DDL mode: the answer's table compared with the real one, or null when it was not run.</param>
/// <param name="NonConformance">Mutation mode: why the answer is not the strategy's mutant (<see cref="Evaluation.NonConformance"/>), or null.</param>
public sealed record ExampleResult(
    string Id,
    int Line,
    string? Strategy,
    string? Dbms,
    string? Output,
    string? Sql,
    IReadOnlyDictionary<string, bool> Metrics,
    IReadOnlyList<string> Details,
    IReadOnlyList<HallucinatedIdentifier> Hallucinations,
    string? Input = null,
    IReadOnlyList<string>? Informational = null,
    string? Key = null,
    string? ReferenceKey = null,
    string? NonConformance = null,
    TableComparison? Ddl = null)
{
    /// <summary>True when every gating metric that applies passed.</summary>
    public bool Passed => Metrics.Where(m => Gates(m.Key)).All(m => m.Value);

    /// <summary>The gating metrics that failed, in scorecard order.</summary>
    public IEnumerable<string> FailedMetrics => Metrics.Where(m => Gates(m.Key) && !m.Value).Select(m => m.Key);

    /// <summary>Whether failing the metric fails this example.</summary>
    public bool Gates(string metric) => !(Informational ?? MetricNames.Informational).Contains(metric);
}
