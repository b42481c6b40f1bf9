namespace MutationHarness.Evaluation;

/// <summary>One column as information_schema describes it.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">The full type (<c>COLUMN_TYPE</c>: <c>varchar(50)</c>, <c>int(11) unsigned</c>).</param>
/// <param name="Nullable">True when the column takes NULL.</param>
/// <param name="Key">The key it is part of: <c>PRI</c>, <c>UNI</c>, <c>MUL</c> or empty.</param>
/// <param name="Comment">The column's comment, empty when it has none.</param>
public sealed record ColumnFacts(string Name, string Type, bool Nullable, string Key, string Comment);

/// <summary>One table as information_schema describes it: its name, its comment and its columns in order.</summary>
public sealed record TableFacts(string Name, string Comment, IReadOnlyList<ColumnFacts> Columns);
