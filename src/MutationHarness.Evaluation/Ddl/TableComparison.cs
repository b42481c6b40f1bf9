namespace MutationHarness.Evaluation;

/// <summary>A table a model wrote (run in a scratch database) against the real one, column by column.</summary>
/// <param name="Expected">The table the example asks for.</param>
/// <param name="Answered">The table the answer created.</param>
/// <param name="Invented">Columns of the answer the real table lacks, in the answer's order.</param>
/// <param name="Missing">Columns of the real table the answer lacks, in the table's order.</param>
/// <param name="Differences">Columns both have that differ in type, nullability, key or comment (and the table's comment).</param>
/// <param name="AnswerColumns">How many columns the answer has.</param>
/// <param name="RealColumns">How many columns the real table has.</param>
/// <param name="MatchedColumns">How many columns both have (by name, without regard to case).</param>
public sealed record TableComparison(
    string Expected,
    string Answered,
    IReadOnlyList<string> Invented,
    IReadOnlyList<string> Missing,
    IReadOnlyList<ColumnDifference> Differences,
    int AnswerColumns,
    int RealColumns,
    int MatchedColumns)
{
    /// <summary>The share of the answer's columns that are real (1 when it has none).</summary>
    public double Precision => AnswerColumns == 0 ? 1 : (double)MatchedColumns / AnswerColumns;

    /// <summary>The share of the real columns the answer has.</summary>
    public double Recall => RealColumns == 0 ? 1 : (double)MatchedColumns / RealColumns;

    /// <summary>True when the answer is the real table: its name, every column, and every column's facts.</summary>
    public bool Exact => Answered == Expected && Invented.Count == 0 && Missing.Count == 0 && Differences.Count == 0;

    /// <summary>Compares the answer's table with the real one.</summary>
    public static TableComparison Compare(TableFacts real, TableFacts answer)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(answer);
        var realByName = real.Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var answerNames = answer.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var differences = new List<ColumnDifference>();
        if (answer.Comment != real.Comment)
            differences.Add(new ColumnDifference(null, ColumnAspect.Comment, real.Comment, answer.Comment));
        foreach (var column in answer.Columns)
        {
            if (realByName.TryGetValue(column.Name, out var expected))
                differences.AddRange(Differ(expected, column));
        }
        var matched = answer.Columns.Count(c => realByName.ContainsKey(c.Name));
        return new TableComparison(real.Name, answer.Name,
            answer.Columns.Where(c => !realByName.ContainsKey(c.Name)).Select(c => c.Name).ToList(),
            real.Columns.Where(c => !answerNames.Contains(c.Name)).Select(c => c.Name).ToList(),
            differences, answer.Columns.Count, real.Columns.Count, matched);
    }

    private static IEnumerable<ColumnDifference> Differ(ColumnFacts expected, ColumnFacts actual)
    {
        if (!expected.Type.Equals(actual.Type, StringComparison.OrdinalIgnoreCase))
            yield return new ColumnDifference(expected.Name, ColumnAspect.Type, expected.Type, actual.Type);
        if (expected.Nullable != actual.Nullable)
            yield return new ColumnDifference(expected.Name, ColumnAspect.Nullability, Nullability(expected), Nullability(actual));
        if (expected.Key != actual.Key)
            yield return new ColumnDifference(expected.Name, ColumnAspect.Key, expected.Key, actual.Key);
        if (expected.Comment != actual.Comment)
            yield return new ColumnDifference(expected.Name, ColumnAspect.Comment, expected.Comment, actual.Comment);
    }

    private static string Nullability(ColumnFacts column) => column.Nullable ? "NULL" : "NOT NULL";
}

/// <summary>What of a column (or, with no column, of the table) differs.</summary>
public enum ColumnAspect
{
    /// <summary>The column's type.</summary>
    Type,

    /// <summary>Whether it takes NULL.</summary>
    Nullability,

    /// <summary>The key it is part of (PRI, UNI, MUL).</summary>
    Key,

    /// <summary>Its comment (or the table's).</summary>
    Comment,
}

/// <summary>One difference between a real column and the answer's column of the same name.</summary>
/// <param name="Column">The column, or null for the table's own comment.</param>
/// <param name="Aspect">What differs.</param>
/// <param name="Expected">The real table's value.</param>
/// <param name="Actual">The answer's value.</param>
public sealed record ColumnDifference(string? Column, ColumnAspect Aspect, string Expected, string Actual)
{
    /// <summary>"level: type int(11), answer bigint(20)".</summary>
    public override string ToString() =>
        $"{Column ?? "the table"}: {Aspect.ToString().ToLowerInvariant()} '{Expected}', answer '{Actual}'";
}
