namespace MutationHarness.Core.Fixtures;

/// <summary>The statements that build one database the pairs run on, with a name for reports.</summary>
public sealed record FixtureScript(string Name, IReadOnlyList<string> Statements)
{
    /// <summary>True for a record's own setup: it is input, not ours, so it runs under an account that can
    /// reach only its own database, never the shared fixture databases other pairs run on.</summary>
    public bool IsRecordSetup { get; init; }

    /// <summary>The deadline of each statement, when one applies (a record's setup runs under the statement timeout).</summary>
    public TimeSpan? StatementTimeout { get; init; }
}
