namespace MutationHarness.Core.Fixtures;

/// <summary>The statements that build one database the pairs run on, with a name for reports.</summary>
public sealed record FixtureScript(string Name, IReadOnlyList<string> Statements)
{
    /// <summary>True for a record's own setup: it is input, not ours, so it runs under an account of its own that
    /// can reach only its own database, never the shared fixture databases or other records' setups.</summary>
    public bool IsRecordSetup => Budget is not null;

    /// <summary>What a record's own setup may spend; set exactly for record setups.</summary>
    public SetupBudget? Budget { get; init; }

    /// <summary>The deadline of each statement of a shared fixture, when one applies (a record's setup has its <see cref="Budget"/>).</summary>
    public TimeSpan? StatementTimeout { get; init; }
}
