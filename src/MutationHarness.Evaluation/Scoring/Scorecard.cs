namespace MutationHarness.Evaluation;

/// <summary>The result of one evaluation: rates per metric overall and per strategy × dbms, and every example's grade.</summary>
/// <param name="Mode">The mode graded (<c>mutation</c> or <c>sql</c>).</param>
/// <param name="Test">The test set file.</param>
/// <param name="Answers">Where the answers came from (an outputs file, or the model at an endpoint).</param>
/// <param name="Targets">The servers the SQL ran on.</param>
/// <param name="Metrics">The metrics of the mode, in order.</param>
/// <param name="Overall">Each metric's rate over all examples it applies to.</param>
/// <param name="Groups">Each metric's rate per strategy × dbms.</param>
/// <param name="Examples">Every example's grade, in test-set order.</param>
/// <param name="Ddl">DDL mode: column precision and recall over all answers, and the exact-table rate.</param>
public sealed record Scorecard(
    string Mode,
    string Test,
    string Answers,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<MetricRate> Overall,
    IReadOnlyList<GroupRates> Groups,
    IReadOnlyList<ExampleResult> Examples,
    DdlSummary? Ddl = null)
{
    /// <summary>How many examples passed every gating metric.</summary>
    public int Passed => Examples.Count(e => e.Passed);

    /// <summary>Builds the scorecard of graded examples, computing every rate.</summary>
    public static Scorecard Create(EvalMode mode, string test, string answers, IReadOnlyList<string> targets, IReadOnlyList<ExampleResult> examples)
    {
        var metrics = MetricNames.For(mode);
        var groups = examples
            .GroupBy(e => (Strategy: e.Strategy ?? "-", Dbms: e.Dbms ?? "-"))
            .OrderBy(g => g.Key.Strategy, StringComparer.Ordinal).ThenBy(g => g.Key.Dbms, StringComparer.Ordinal)
            .Select(g => new GroupRates(g.Key.Strategy, g.Key.Dbms, g.Count(), RatesOf(metrics, g.ToList())))
            .ToList();
        return new Scorecard(mode.ToString().ToLowerInvariant(), test, answers, targets, metrics,
            RatesOf(metrics, examples), groups, examples, mode == EvalMode.Ddl ? DdlSummary.Of(examples) : null);
    }

    /// <summary>The rate of a metric overall, or null when the scorecard lacks it.</summary>
    public MetricRate? Rate(string metric) => Overall.FirstOrDefault(r => r.Metric == metric);

    internal static List<MetricRate> RatesOf(IReadOnlyList<string> metrics, IReadOnlyList<ExampleResult> examples) =>
        metrics.Select(metric =>
        {
            var judged = examples.Where(e => e.Metrics.ContainsKey(metric)).ToList();
            return new MetricRate(metric, judged.Count(e => e.Metrics[metric]), judged.Count);
        }).ToList();
}

/// <summary>How many examples passed a metric out of those it applies to.</summary>
public sealed record MetricRate(string Metric, int Passed, int Total)
{
    /// <summary>Passed ÷ total, or null when the metric applied to no example.</summary>
    public double? Rate => Total == 0 ? null : (double)Passed / Total;
}

/// <summary>The rates of one strategy × dbms group.</summary>
public sealed record GroupRates(string Strategy, string Dbms, int Examples, IReadOnlyList<MetricRate> Rates);

/// <summary>DDL mode over all answers: how many answered columns are real (precision), how many real columns were
/// answered (recall), counted over every column of every answer that ran, and how many answers were the exact table.</summary>
public sealed record DdlSummary(int AnswerColumns, int RealColumns, int MatchedColumns, int ExactTables, int Examples)
{
    /// <summary>Matched ÷ answered columns, or null when no answer ran.</summary>
    public double? Precision => AnswerColumns == 0 ? null : (double)MatchedColumns / AnswerColumns;

    /// <summary>Matched ÷ real columns, or null when no answer ran.</summary>
    public double? Recall => RealColumns == 0 ? null : (double)MatchedColumns / RealColumns;

    /// <summary>Exact tables ÷ examples.</summary>
    public double ExactTableRate => Examples == 0 ? 0 : (double)ExactTables / Examples;

    /// <summary>The summary of graded DDL examples; an answer that never ran counts the real columns it missed.</summary>
    public static DdlSummary Of(IReadOnlyList<ExampleResult> examples) => new(
        examples.Sum(e => e.Ddl?.AnswerColumns ?? 0),
        examples.Sum(e => e.Ddl?.RealColumns ?? 0),
        examples.Sum(e => e.Ddl?.MatchedColumns ?? 0),
        examples.Count(e => e.Passed),
        examples.Count);

    /// <summary>"columns: precision 62.5% (5 of 8 answered are real), recall 100.0% (5 of 5 real answered); exact tables 0 of 1".</summary>
    public override string ToString() =>
        $"columns: precision {Percent(Precision)} ({MatchedColumns} of {AnswerColumns} answered are real), " +
        $"recall {Percent(Recall)} ({MatchedColumns} of {RealColumns} real answered); exact tables {ExactTables} of {Examples} ({Percent(ExactTableRate)})";

    private static string Percent(double? rate) =>
        rate is { } value ? value.ToString("P1", System.Globalization.CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "n/a";
}
