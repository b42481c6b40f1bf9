using MutationHarness.Databases.Local;
using MutationHarness.Databases.Targets;
using Xunit;

namespace MutationHarness.TestSupport;

/// <summary>One throwaway MariaDB per test assembly (<c>[assembly: AssemblyFixture(typeof(MariaDbServerFixture))]</c>).</summary>
public sealed class MariaDbServerFixture : IAsyncLifetime, ITargetProvider
{
    private LocalMariaDbTarget? _target;
    private Exception? _startFailure;

    /// <summary>The number of pinned sessions the shared server keeps.</summary>
    public const int Jobs = 4;

    /// <inheritdoc />
    public ServerFeatures Features => ServerFeatures.MariaDb;

    /// <summary>The started server, or a skip/failure when MariaDB is missing.</summary>
    public LocalMariaDbTarget Target
    {
        get
        {
            ServerAvailability.RequireMariaDb();
            if (_startFailure is not null)
                throw new InvalidOperationException("The shared MariaDB did not start: " + _startFailure.Message, _startFailure);
            return _target!;
        }
    }

    /// <inheritdoc />
    public IQueryTarget RequireTarget() => Target;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!ServerAvailability.HasMariaDb)
            return;
        try
        {
            _target = await LocalMariaDbTarget.StartAsync(new TargetOptions { Jobs = Jobs }, TestContext.Current.CancellationToken);
        }
        catch (Exception ex)
        {
            _startFailure = ex;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
            await _target.DisposeAsync();
    }
}
