using MutationHarness.Core.Fixtures;

namespace MutationHarness.Verification;

/// <summary>How a verification run is done; every field has the default a user gets without flags.</summary>
public sealed record VerifyOptions
{
    /// <summary>Where the SQL runs: <c>local:mariadb</c>, <c>container:…</c>, or connection strings.</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["local:mariadb"];

    /// <summary>Pairs in flight at once (and connections per target).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The deadline of one statement.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a violation is run again before it is reported.</summary>
    public int Reruns { get; init; } = 3;

    /// <summary>How many generated upstream-shaped databases each pair runs on.</summary>
    public int Databases { get; init; } = 1;

    /// <summary>The seed of the first generated database (the others follow it).</summary>
    public int FixtureSeed { get; init; }

    /// <summary>Data scripts (an upstream <c>output.data.sql</c>) to load instead of generated databases.</summary>
    public IReadOnlyList<string> DataScripts { get; init; } = [];

    /// <summary>Databases given as scripts (the self-test's own); they win over <see cref="DataScripts"/> and generated ones.</summary>
    public IReadOnlyList<FixtureScript> Fixtures { get; init; } = [];

    /// <summary>Run a seed once per database and reuse its rows for the next pairs with the same seed (not for
    /// flagged pairs, nor when a violation is re-run). Off: every pair runs both statements.</summary>
    public bool ReuseSeedResults { get; init; } = true;

    /// <summary>The size limits of one result (<c>--max-rows</c>, <c>--max-result-bytes</c>) and the text kept of it.</summary>
    public Core.Results.ResultLimits ResultLimits { get; init; } = Core.Results.ResultLimits.Default;

    /// <summary>What a record's own setup may spend (time for all its statements, rows, bytes).</summary>
    public SetupBudget SetupBudget { get; init; } = SetupBudget.Default;

    /// <summary>Run records' setups on a target whose account cannot create users, as that account, unisolated
    /// (off: such records are rejected).</summary>
    public bool AllowUnisolatedSetup { get; init; }

    /// <summary>How long to keep reconnecting (with back-off) to a connection-string server that went away before the
    /// run stops; an embedded server is restarted instead, at most three times in a row without progress.</summary>
    public TimeSpan Reconnect { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Keep the embedded server's data directory after the run, for diagnosis.</summary>
    public bool KeepServerFiles { get; init; }

    /// <summary>When container targets pull their images (<c>--pull</c>).</summary>
    public MutationHarness.Databases.Targets.ImagePull Pull { get; init; } = MutationHarness.Databases.Targets.ImagePull.Missing;
}
