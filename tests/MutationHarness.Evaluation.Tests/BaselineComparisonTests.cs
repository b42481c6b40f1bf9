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
        Assert.Equal((2, 0, 1), (comparison.Matched, comparison.Removed.Count, comparison.Added.Count));
        Assert.Equal(["new"], comparison.Added);
        Assert.False(comparison.GateFails);
        Assert.Contains("added: new", comparison.Render());
    }

    [Fact]
    public void A_run_missing_examples_of_the_baseline_fails_the_gate_naming_them()
    {
        // Given a baseline example the run no longer grades, and a new one in its place
        var baseline = Results.Card(Results.Example("a"), Results.Example("old", failing: MetricNames.Conforms));
        var current = Results.Card(Results.Example("a"), Results.Example("new", failing: MetricNames.Conforms));

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then no metric regressed, yet the gate fails and names what was removed and added
        Assert.Equal(1, comparison.Matched);
        Assert.Equal(["old"], comparison.Removed);
        Assert.Equal(["new"], comparison.Added);
        Assert.False(comparison.HasRegression);
        Assert.True(comparison.GateFails);
        var text = comparison.Render();
        Assert.Contains("removed: old", text);
        Assert.Contains("added: new", text);
    }

    [Fact]
    public void A_renamed_or_reordered_file_is_matched_by_content_whatever_its_ids_and_lines()
    {
        // Given the same two examples under file:line ids of another file name, in the other order
        var baseline = Results.Card(Results.Example("test.jsonl:1") with { Key = "p1" }, Results.Example("test.jsonl:2") with { Key = "p2" });
        var current = Results.Card(
            Results.Example("copy.jsonl:1", failing: MetricNames.Exact) with { Key = "p2" },
            Results.Example("copy.jsonl:2") with { Key = "p1" });

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then both are matched, nothing is added or removed, and the gate passes
        Assert.Equal((2, 0, 0, 0), (comparison.Matched, comparison.Added.Count, comparison.Removed.Count, comparison.Changed.Count));
        Assert.False(comparison.GateFails);
    }

    [Fact]
    public void An_example_whose_reference_was_edited_is_changed_not_compared_and_fails_the_gate()
    {
        // Given the same prompt with another reference
        var baseline = Results.Card(Results.Example("a"), Results.Example("b"));
        var current = Results.Card(Results.Example("a"), Results.Example("b", failing: MetricNames.Conforms) with { ReferenceKey = "edited" });

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then it is listed as changed, its grade is not a regression, and the gate fails
        Assert.Equal(["b"], comparison.Changed);
        Assert.Empty(comparison.Regressions);
        Assert.True(comparison.GateFails);
        Assert.Contains("changed (reference edited): b", comparison.Render());
    }

    [Fact]
    public void Duplicate_examples_are_matched_one_to_one_in_order()
    {
        // Given a prompt that appears twice in both files
        var baseline = Results.Card(Results.Example("x") with { Key = "same" }, Results.Example("y") with { Key = "same" });
        var current = Results.Card(Results.Example("x") with { Key = "same" }, Results.Example("y", failing: MetricNames.Relation) with { Key = "same" });

        // When compared / Then the second copy's drop is a regression of the second copy
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);
        Assert.Equal(2, comparison.Matched);
        Assert.Equal("y", Assert.Single(comparison.Regressions).Id);
    }

    [Fact]
    public void A_baseline_written_before_content_keys_is_matched_by_id_and_seed()
    {
        // Given a legacy baseline (no keys): line ids are the same, the seeds behind them are not
        var baseline = Results.Card(Results.Example("t:1") with { Input = "SELECT 1", Key = null }, Results.Example("t:2") with { Input = "SELECT 2", Key = null });
        var current = Results.Card(Results.Example("t:1") with { Input = "SELECT 1" },
            Results.Example("t:2", failing: MetricNames.Conforms) with { Input = "SELECT 3" });

        // When compared
        var comparison = BaselineComparison.Compare(baseline, current, 0.0);

        // Then only the same example is compared; the other is removed and added, and the gate fails
        Assert.Equal(1, comparison.Matched);
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
