namespace MutationHarness.Evaluation;

/// <summary>Runs an evaluation: every example's answer is fetched and graded, in parallel, into a scorecard in test-set order.</summary>
public static class EvalRun
{
    /// <summary>Answers and grades every example; <paramref name="jobs"/> examples are graded at once.</summary>
    public static async Task<Scorecard> RunAsync(string test, IReadOnlyList<TestExample> examples, IAnswerSource answers,
        IExampleGrader grader, int jobs, Action<ExampleResult>? onGraded, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var results = new ExampleResult[examples.Count];
        using var grading = new SemaphoreSlim(jobs);
        // Answers are fetched wide (the endpoint source bounds its own concurrency); grading is bounded by the servers.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(jobs, 16), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, examples.Count), parallel, async (index, ct) =>
        {
            var example = examples[index];
            var answer = await answers.AnswerAsync(example, ct);
            await grading.WaitAsync(ct);
            try
            {
                results[index] = await grader.GradeAsync(example, answer, ct);
            }
            finally
            {
                grading.Release();
            }
            onGraded?.Invoke(results[index]);
        });
        return Scorecard.Create(grader.Mode, test, answers.Description, grader.TargetDescriptions, results);
    }
}
