using MutationHarness.Core.Pairs;
using MutationHarness.Core.Results;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification;

/// <summary>Everything the harness found out about one input record: one line of the report.</summary>
public sealed record PairReport(
    string Id,
    SourceLocation Source,
    MutationPair? Pair,
    Verdict Verdict,
    string? Reason,
    ExpectedDirection? Expected,
    ConformanceReport? Conformance,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Notes,
    IReadOnlyList<TargetReport> Targets)
{
    /// <summary>The record's position among all records of the run's inputs, from 1: what orders shard reports when they are merged.</summary>
    public long Index { get; init; }

    /// <summary>The strategy the record names, if any.</summary>
    public string? Strategy => Pair?.Strategy;
}

/// <summary>The relation a pair must satisfy and where that expectation came from.</summary>
public sealed record ExpectedDirection(ExpectedRelation Relation, string From)
{
    /// <summary>True for an upper expectation: R(original) ⊆ R(mutant).</summary>
    public bool IsUpper => Relation == ExpectedRelation.MutantContainsOriginal;
}

/// <summary>The SQL engine's judgement of whether the mutant is the strategy at one site.</summary>
public sealed record ConformanceReport(bool Conforms, string? Site, bool? IsUpper, string? Failure, string? Reason, string? OtherStrategy);

/// <summary>The outcome of a pair on one target, over every database it ran on.</summary>
public sealed record TargetReport(
    string Target,
    string ServerFlavor,
    string ServerVersion,
    SessionReport Session,
    Verdict Verdict,
    IReadOnlyList<DatabaseRun> Databases);

/// <summary>The session settings a target ran under.</summary>
public sealed record SessionReport(string SqlMode, string TimeZone, string CharacterSet, string Collation);

/// <summary>The pair run against one loaded database of a target.</summary>
public sealed record DatabaseRun(
    string Database,
    Verdict Verdict,
    SideRun? Original,
    SideRun? Mutated,
    RelationRun? Relation,
    string? SetupError);

/// <summary>How one side ran: row count and time, or the server's error, or a timeout.</summary>
public sealed record SideRun(bool Ok, int? Rows, double ElapsedMs, int? ErrorNumber, string? SqlState, string? ErrorMessage, bool TimedOut)
{
    /// <summary>True when the rows are those an earlier pair with the same seed got on this database (not run again).</summary>
    public bool Reused { get; init; }

    /// <summary>The limit the result passed when it was stopped unjudged (then <see cref="Rows"/> and
    /// <see cref="Bytes"/> count what was read until then); null when it stayed within the limits.</summary>
    public string? TooLarge { get; init; }

    /// <summary>The bytes of cell text the side returned (read, when it was too large).</summary>
    public long? Bytes { get; init; }
}

/// <summary>The relation check over all runs on one database; <c>Identical</c> when both sides gave the same multiset.</summary>
public sealed record RelationRun(bool Holds, int Runs, int Violations, string? Problem, IReadOnlyList<WitnessRow> Witness, bool Identical)
{
    /// <summary>How the relation was judged beyond exact text (columns compared under their collation or by value), or
    /// why that could not be done; null when exact text decided.</summary>
    public string? Note { get; init; }
}
