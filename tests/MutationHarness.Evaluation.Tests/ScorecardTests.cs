namespace MutationHarness.Evaluation.Tests;

public sealed class ScorecardTests
{
    [Fact]
    public void Rates_are_per_metric_overall_and_per_strategy_and_dbms()
    {
        // Given three graded examples over two strategies
        var card = Results.Card(
            Results.Example("a"),
            Results.Example("b", failing: MetricNames.Conforms),
            Results.Example("c", "FixMWhere0L", MetricNames.Relation, MetricNames.NonTrivial));

        // Then overall and group rates count passes over the examples each metric applies to
        Assert.Equal(new MetricRate(MetricNames.Conforms, 2, 3), card.Rate(MetricNames.Conforms));
        var where1 = card.Groups.Single(g => g.Strategy == "FixMWhere1U");
        Assert.Equal((2, "mariadb"), (where1.Examples, where1.Dbms));
        Assert.Equal(0.5, where1.Rates.Single(r => r.Metric == MetricNames.Conforms).Rate);
        Assert.Equal(1, card.Passed);
    }

    [Fact]
    public void A_metric_absent_from_an_example_is_left_out_of_its_rate()
    {
        // Given an example whose SQL never ran (no hallucination judgement)
        var ran = Results.Example("a");
        var notRun = Results.Example("b", failing: MetricNames.Executes) with
        {
            Metrics = Results.Example("b", failing: MetricNames.Executes).Metrics.Where(m => m.Key != MetricNames.NoHallucination).ToDictionary(),
        };

        // When the scorecard is built / Then the rate is over the one example judged
        Assert.Equal(new MetricRate(MetricNames.NoHallucination, 1, 1), Results.Card(ran, notRun).Rate(MetricNames.NoHallucination));
    }

    [Fact]
    public void The_table_and_markdown_show_every_metric_and_the_failures()
    {
        // Given a scorecard with a failing example
        var card = Results.Card(Results.Example("a"), Results.Example("b", failing: MetricNames.NoHallucination));

        // When rendered
        var table = ScorecardTable.Render(card);
        var markdown = ScorecardTable.Markdown(card);

        // Then both carry the metric columns and the rates; the Markdown lists the failing example
        Assert.All(MetricNames.Mutation, m => Assert.Contains(m, table));
        Assert.Contains("50.0%", table);
        Assert.Contains("| strategy | dbms | n | exact |", markdown);
        Assert.Contains("- `b` (FixMWhere1U): no-hallucination: scripted failure of b", markdown);
    }

    [Fact]
    public async Task The_json_round_trips_with_every_example()
    {
        // Given a scorecard written as JSON
        using var folder = new TempFolder();
        var card = Results.Card(Results.Example("a"), Results.Example("b", failing: MetricNames.Conforms));
        await File.WriteAllTextAsync(folder.File("card.json"), ScorecardJson.Serialize(card), TestContext.Current.CancellationToken);

        // When it is read back
        var read = await ScorecardJson.ReadAsync(folder.File("card.json"), TestContext.Current.CancellationToken);

        // Then the examples, their metrics and the rates survive
        Assert.Equal(card.Examples.Select(e => (e.Id, e.Passed)), read.Examples.Select(e => (e.Id, e.Passed)));
        Assert.Equal(card.Examples[1].Metrics, read.Examples[1].Metrics);
        Assert.Equal(card.Overall, read.Overall);
    }
}
