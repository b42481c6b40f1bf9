using MutationHarness.Core.Results;

namespace MutationHarness.Databases.Targets;

/// <summary>What running one statement gave: rows, a server error, a timeout, a result too large, or a changed session.</summary>
public abstract record StatementOutcome(TimeSpan Elapsed);

/// <summary>The statement returned rows (possibly none).</summary>
public sealed record RowsOutcome(ResultSet Result, TimeSpan Elapsed) : StatementOutcome(Elapsed);

/// <summary>The server refused or failed the statement, with its error number and SQLSTATE.</summary>
public sealed record ServerErrorOutcome(int Number, string SqlState, string Message, TimeSpan Elapsed) : StatementOutcome(Elapsed);

/// <summary>The statement ran past its deadline and was stopped.</summary>
public sealed record TimeoutOutcome(TimeSpan Elapsed) : StatementOutcome(Elapsed);

/// <summary>The result passed a row or byte limit and was stopped there: too large to judge.</summary>
public sealed record TooLargeOutcome(int Rows, long Bytes, string Limit, TimeSpan Elapsed) : StatementOutcome(Elapsed);

/// <summary>The statement changed a pinned session variable (a stored function it calls can): its result is not judged,
/// and its session is not reused.</summary>
public sealed record SessionChangedOutcome(string Change, TimeSpan Elapsed) : StatementOutcome(Elapsed);
