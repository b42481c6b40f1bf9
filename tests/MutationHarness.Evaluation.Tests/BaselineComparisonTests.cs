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
    public void Only_examples_in_both_runs_are_compared_and_new_ones_do_not_fail_the_gate()
    {
        // Given a run that grades every example of the baseline and one new failing example
        var baseline = Results.Card(Results.Example("a"), Results.Example("b"));
        var current = Results.Card(Results.Example("a"), Results.Example("b"), Results.Example("new", failing: MetricNames.Conforms));

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then the new example is counted, not graded, and the gate passes
        Assert.Equal((2, 0, 1), (comparison.Matched, comparison.OnlyInBaseline, comparison.OnlyInCurrent));
        Assert.False(comparison.GateFails);
    }

    [Fact]
    public void A_run_missing_examples_of_the_baseline_fails_the_gate_saying_the_test_set_changed()
    {
        // Given a baseline example the run no longer grades (a renamed file changes every line id)
        var baseline = Results.Card(Results.Example("a"), Results.Example("old", failing: MetricNames.Conforms));
        var current = Results.Card(Results.Example("a"), Results.Example("new", failing: MetricNames.Conforms));

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then no metric regressed, yet the gate fails and says why
        Assert.Equal((1, 1, 1), (comparison.Matched, comparison.OnlyInBaseline, comparison.OnlyInCurrent));
        Assert.False(comparison.HasRegression);
        Assert.True(comparison.GateFails);
        Assert.Contains("renamed, re-split or edited", comparison.Render());
    }

    [Fact]
    public void An_id_that_now_names_another_seed_is_not_compared_and_fails_the_gate()
    {
        // Given a re-split test file: line ids are the same, the seeds behind them are not
        var baseline = Results.Card(Results.Example("t:1") with { Input = "SELECT 1" }, Results.Example("t:2") with { Input = "SELECT 2" });
        var current = Results.Card(Results.Example("t:1") with { Input = "SELECT 1" },
            Results.Example("t:2", failing: MetricNames.Conforms) with { Input = "SELECT 3" });

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then only the same example is compared; the other is counted as replaced, and the gate fails
        Assert.Equal((1, 1), (comparison.Matched, comparison.Replaced));
        Assert.Empty(comparison.Regressions);
        Assert.True(comparison.GateFails);
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
