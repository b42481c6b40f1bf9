using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>Hands the verifier a target that someone else opened and owns; disposing the verifier leaves it running.</summary>
public sealed class BorrowedTargetOpener(IQueryTarget target) : ITargetOpener
{
    /// <inheritdoc />
    public Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IQueryTarget>(new Borrowed(target));

    private sealed class Borrowed(IQueryTarget inner) : DelegatingQueryTarget(inner)
    {
        // The owner disposes the real target.
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
