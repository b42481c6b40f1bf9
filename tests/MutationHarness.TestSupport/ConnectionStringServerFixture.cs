using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;
using Xunit;

namespace MutationHarness.TestSupport;

/// <summary>A server given by a connection string in an environment variable; absent, its tests skip saying why.</summary>
public abstract class ConnectionStringServerFixture(string variable, ServerFeatures features) : IAsyncLifetime, ITargetProvider
{
    private ConnectionStringTarget? _target;
    private Exception? _openFailure;

    /// <inheritdoc />
    public ServerFeatures Features => features;

    /// <inheritdoc />
    public IQueryTarget RequireTarget()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
            _ = variable == ServerAvailability.TiDbVariable ? ServerAvailability.RequireTiDb() : ServerAvailability.RequireMySql();
        if (_openFailure is not null)
            throw new InvalidOperationException($"The server in {variable} could not be opened: {_openFailure.Message}", _openFailure);
        return _target!;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(connectionString))
            return;
        try
        {
            _target = await ConnectionStringTarget.OpenAsync(connectionString, new TargetOptions { Jobs = 2 }, TestContext.Current.CancellationToken);
        }
        catch (Exception ex)
        {
            _openFailure = ex;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_target is not null)
            await _target.DisposeAsync();
    }
}

/// <summary>MySQL from <c>MUTATIONHARNESS_MYSQL</c>.</summary>
public sealed class MySqlServerFixture() : ConnectionStringServerFixture(ServerAvailability.MySqlVariable, ServerFeatures.MySql);

/// <summary>TiDB from <c>MUTATIONHARNESS_TIDB</c>.</summary>
public sealed class TiDbServerFixture() : ConnectionStringServerFixture(ServerAvailability.TiDbVariable, ServerFeatures.TiDb);
