namespace MutationHarness.Evaluation.Tests;

public sealed class BaselineComparisonTests
{
    [Fact]
    public void An_example_that_passed_and_now_fails_is_a_regression_and_fails_the_gate()
    {
        // Given a baseline where both examples conformed, and a run where one no longer does
        var baseline = Results.Card(Results.Example("a"), Results.Example("b"));
        var current = Results.Card(Results.Example("a"), Results.Example("b", failing: MetricNames.Conforms));

        // When compared with a one-point tolerance
        var comparison = BaselineComparison.Compare(baseline, current, 0.01);

        // Then the example and metric are named and the gate fails
        var regression = Assert.Single(comparison.Regressions);
        Assert.Equal(("b", MetricNames.Conforms), (regression.Id, regression.Metric));
        Assert.Contains("scripted failure", regression.Detail);
        Assert.True(comparison.HasRegression);
        Assert.True(comparison.Metrics.Single(m => m.Metric == MetricNames.Conforms).Regressed);
        Assert.Contains("the gate FAILS", comparison.Render());
    }

    [Fact]
    public void Improvements_are_reported_and_a_drop_within_the_tolerance_passes()
    {
        // Given a run that lost one example's relation but gained another's
        var baseline = Results.Card(Results.Example("a"), Results.Example("b", failing: MetricNames.Relation), Results.Example("c"), Results.Example("d"));
        var current = Results.Card(Results.Example("a", failing: MetricNames.Relation), Results.Example("b"), Results.Example("c"), Results.Example("d"));

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then both changes are listed, and the rate did not drop, so the gate passes
        Assert.Single(comparison.Regressions);
        Assert.Equal("b", Assert.Single(comparison.Improvements).Id);
        Assert.False(comparison.HasRegression);
    }

    [Fact]
    public void The_tolerance_decides_how_large_a_drop_is_allowed()
    {
        // Given a drop of one example in four (25 points) on relation
        var baseline = Results.Card(Results.Example("a"), Results.Example("b"), Results.Example("c"), Results.Example("d"));
        var current = Results.Card(Results.Example("a", failing: MetricNames.Relation), Results.Example("b"), Results.Example("c"), Results.Example("d"));

        // Then it regresses at a 10-point tolerance and passes at 25 points
        Assert.True(BaselineComparison.Compare(baseline, current, 0.10).HasRegression);
        Assert.False(BaselineComparison.Compare(baseline, current, 0.25).HasRegression);
    }

    [Fact]
    public void Only_examples_in_both_runs_are_compared()
    {
        // Given a baseline with an example the run lacks (failing) and a run with a new one (failing)
        var baseline = Results.Card(Results.Example("a"), Results.Example("old", failing: MetricNames.Conforms));
        var current = Results.Card(Results.Example("a"), Results.Example("new", failing: MetricNames.Conforms));

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then the unmatched examples are counted, not graded
        Assert.Equal((1, 1, 1), (comparison.Matched, comparison.OnlyInBaseline, comparison.OnlyInCurrent));
        Assert.False(comparison.HasRegression);
    }
}

public sealed class ExactMatchGateTests
{
    [Fact]
    public void A_drop_in_exact_match_alone_is_reported_but_does_not_fail_the_gate()
    {
        // Given a run whose mutants are as right as before but no longer the reference text
        var baseline = Results.Card(Results.Example("a"), Results.Example("b"));
        var current = Results.Card(Results.Example("a", failing: MetricNames.Exact), Results.Example("b", failing: MetricNames.Exact));

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then the drop is listed example by example, yet the gate passes
        Assert.Equal(2, comparison.Regressions.Count);
        Assert.False(comparison.HasRegression);
    }
}
