namespace MutationHarness.Evaluation.Tests;

/// <summary>Hand-built graded examples for the scorecard, baseline and JUnit tests.</summary>
public static class Results
{
    /// <summary>An example that passed every mutation metric except those named.</summary>
    public static ExampleResult Example(string id, string strategy = "FixMWhere1U", params string[] failing)
    {
        var metrics = MetricNames.Mutation.ToDictionary(m => m, m => !failing.Contains(m));
        var details = failing.Select(m => $"{m}: scripted failure of {id}").ToList();
        // The content key stands for the example's prompt: here one prompt per id, unless a test says otherwise.
        return new ExampleResult(id, 1, strategy, "mariadb", "SELECT 1", "SELECT 1", metrics, details, [], Key: $"prompt-of-{id}", ReferenceKey: "ref");
    }

    public static Scorecard Card(params ExampleResult[] examples) =>
        Scorecard.Create(EvalMode.Mutation, "test.jsonl", "answers.jsonl", ["local:mariadb (MariaDb 10.11)"], examples);
}
