namespace MutationHarness.Evaluation;

/// <summary>What a model answered for one example, or why there is no answer.</summary>
/// <param name="Text">The whole answer as the model wrote it (prose, fences and all).</param>
/// <param name="Failure">Why there is no answer (a timeout, an HTTP error, no line in the outputs file).</param>
/// <param name="FromCache">True when the answer came from the response cache, not from a request.</param>
/// <param name="Attempts">How many requests were sent for this answer (0 when cached or read from a file).</param>
/// <param name="Unreachable">True when no answer came because the endpoint could not be reached at all.</param>
public sealed record ModelAnswer(string? Text, string? Failure, bool FromCache = false, int Attempts = 0, bool Unreachable = false)
{
    /// <summary>An answer the model gave.</summary>
    public static ModelAnswer Of(string text, bool fromCache = false, int attempts = 0) => new(text, null, fromCache, attempts);

    /// <summary>No answer, with the reason.</summary>
    public static ModelAnswer Failed(string failure, int attempts = 0) => new(null, failure, false, attempts);

    /// <summary>No answer because nothing answered at the endpoint (refused, no route, name not found).</summary>
    public static ModelAnswer Unanswered(string failure, int attempts = 0) => new(null, failure, false, attempts, Unreachable: true);
}
