namespace MutationHarness.Evaluation;

/// <summary>Where a model's answers come from: a file of outputs, or an endpoint asked now.</summary>
public interface IAnswerSource
{
    /// <summary>A short description for the scorecard (the file, or the endpoint and model).</summary>
    string Description { get; }

    /// <summary>The model's answer to one example; a missing or failed answer is returned, never thrown.</summary>
    Task<ModelAnswer> AnswerAsync(TestExample example, CancellationToken cancellationToken);
}
