namespace MutationHarness.Evaluation;

/// <summary>Grades a model's answer to one example on real servers.</summary>
public interface IExampleGrader : IAsyncDisposable
{
    /// <summary>The mode the grader implements.</summary>
    EvalMode Mode { get; }

    /// <summary>The targets in use, with their server versions.</summary>
    IReadOnlyList<string> TargetDescriptions { get; }

    /// <summary>Grades one answer; a bad answer is a graded failure, never an exception.</summary>
    Task<ExampleResult> GradeAsync(TestExample example, ModelAnswer answer, CancellationToken cancellationToken);
}
