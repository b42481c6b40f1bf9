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

public sealed class ScorecardConfusionTests
{
    [Fact]
    public void The_markdown_counts_non_conforming_answers_per_strategy_by_kind_and_shows_the_five_worst()
    {
        // Given answers that failed for different reasons, one of them on every metric
        var examples = new List<ExampleResult>
        {
            Results.Example("ok"),
            Results.Example("site", failing: [MetricNames.Conforms, MetricNames.Relation]) with { NonConformance = NonConformance.WrongSite },
            Results.Example("dir", failing: [MetricNames.Conforms, MetricNames.Relation]) with { NonConformance = NonConformance.WrongDirection },
            Results.Example("two", "FixMWhere0L", MetricNames.Conforms, MetricNames.Relation) with { NonConformance = NonConformance.MoreThanOneChange },
            Results.Example("worst", "FixMWhere0L", MetricNames.Parses, MetricNames.ReadOnly, MetricNames.Conforms, MetricNames.Executes, MetricNames.Relation)
                with { Input = "SELECT a FROM t WHERE a > 0", Output = "```sql\nDROP TABLE t\n```" },
        };
        for (var i = 0; i < 4; i++)
            examples.Add(Results.Example($"rel{i}", failing: MetricNames.Relation));

        // When rendered as Markdown
        var markdown = ScorecardTable.Markdown(Results.Card([.. examples]));

        // Then the table counts each kind per strategy, and the worst examples come first, with seed, answer and reason
        Assert.Contains("| strategy | answers | non-conforming | wrong site | wrong direction | more than one change |", markdown);
        Assert.Contains("| FixMWhere1U | 7 | 2 | 1 | 1 | 0 |", markdown);
        Assert.Contains("| FixMWhere0L | 2 | 1 | 0 | 0 | 1 |", markdown);
        var worst = markdown[markdown.IndexOf("### The 5 worst examples", StringComparison.Ordinal)..];
        Assert.StartsWith("### The 5 worst examples\n\n**`worst`**", worst);
        Assert.Contains("Seed:\n```\nSELECT a FROM t WHERE a > 0\n```", worst);
        Assert.Contains("Answer:\n````\n```sql\nDROP TABLE t\n```\n````", worst);
        Assert.Contains("Reason: parses: scripted failure of worst", worst);
        Assert.Equal(5, worst.Split("**`").Length - 1);
    }
}
