using MutationHarness.Core.Strategies;
using MutationHarness.TestSupport;
using MutationHarness.Verification;

[assembly: AssemblyFixture(typeof(MutationHarness.Integration.Tests.VerifierFixture))]

namespace MutationHarness.Integration.Tests;

/// <summary>One verifier on the embedded MariaDB for the whole assembly, recording what it sends.</summary>
public sealed class VerifierFixture : IAsyncLifetime
{
    private readonly RecordingOpener _opener = new();
    private Verifier? _verifier;

    internal RecordingTarget Target => _opener.Opened.Single();

    /// <summary>The verifier; skips (locally) or fails (under CI) when MariaDB is missing.</summary>
    public Verifier Verifier
    {
        get
        {
            ServerAvailability.RequireMariaDb();
            return _verifier ?? throw new InvalidOperationException("the embedded MariaDB did not start; see the fixture's error");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!ServerAvailability.HasMariaDb)
            return;
        var options = new VerifyOptions { Jobs = 2, Reruns = 2, StatementTimeout = TimeSpan.FromSeconds(5) };
        _verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, _opener, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_verifier is not null)
            await _verifier.DisposeAsync();
    }
}
