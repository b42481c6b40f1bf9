namespace MutationHarness.Evaluation;

/// <summary>The metrics an example is graded on, in scorecard order.</summary>
public static class MetricNames
{
    /// <summary>The answer equals the reference after normalisation (informational: it never fails an example).</summary>
    public const string Exact = "exact";

    /// <summary>The extracted SQL parses.</summary>
    public const string Parses = "parses";

    /// <summary>The SQL is a single read-only SELECT (nothing else is ever run).</summary>
    public const string ReadOnly = "read-only";

    /// <summary>The mutant is the example's strategy at exactly one site, in the strategy's direction.</summary>
    public const string Conforms = "conforms";

    /// <summary>The SQL runs without an error or a timeout on every database of every target.</summary>
    public const string Executes = "executes";

    /// <summary>The results stand in the expected superset/subset relation on every target.</summary>
    public const string Relation = "relation";

    /// <summary>The mutant's result differs from the original's on at least one database (an echo fails). Reported, not
    /// gating, unless asked for (<c>--require-non-trivial</c>): a correct mutant often returns the seed's rows on the data.</summary>
    public const string NonTrivial = "non-trivial";

    /// <summary>No unknown table, column or function was named (judged only when the SQL ran).</summary>
    public const string NoHallucination = "no-hallucination";

    /// <summary>SQL mode: the result multiset equals the reference's on every database (ordered when it has ORDER BY).</summary>
    public const string ExecutionAccuracy = "execution-accuracy";

    /// <summary>DDL mode: the answer is exactly one self-contained CREATE TABLE (nothing else is ever run).</summary>
    public const string CreateTable = "create-table";

    /// <summary>DDL mode: the table the answer creates has the name asked for.</summary>
    public const string TableName = "table-name";

    /// <summary>DDL mode: every column of the answer is a column of the real table.</summary>
    public const string NoInventedColumns = "no-invented-columns";

    /// <summary>DDL mode: every column of the real table is in the answer.</summary>
    public const string NoMissingColumns = "no-missing-columns";

    /// <summary>DDL mode: the columns both have agree in type.</summary>
    public const string ColumnTypes = "column-types";

    /// <summary>DDL mode: the columns both have agree in nullability.</summary>
    public const string Nullability = "nullability";

    /// <summary>DDL mode: the columns both have agree in key (PRI, UNI, MUL).</summary>
    public const string Keys = "keys";

    /// <summary>DDL mode: the columns both have, and the table, agree in comment.</summary>
    public const string Comments = "comments";

    /// <summary>Every metric of the mutation mode, in order.</summary>
    public static IReadOnlyList<string> Mutation { get; } = [Exact, Parses, ReadOnly, Conforms, Executes, Relation, NonTrivial, NoHallucination];

    /// <summary>Every metric of the SQL mode, in order.</summary>
    public static IReadOnlyList<string> Sql { get; } = [Exact, Parses, ReadOnly, Executes, NoHallucination, ExecutionAccuracy];

    /// <summary>Every metric of the DDL mode, in order: passing all of them is an exact table.</summary>
    public static IReadOnlyList<string> Ddl { get; } =
        [CreateTable, Executes, TableName, NoInventedColumns, NoMissingColumns, ColumnTypes, Nullability, Keys, Comments];

    /// <summary>The metrics of a mode.</summary>
    public static IReadOnlyList<string> For(EvalMode mode) => mode switch
    {
        EvalMode.Sql => Sql,
        EvalMode.Ddl => Ddl,
        _ => Mutation,
    };

    /// <summary>The metrics reported but not gating by default: exact match (a different mutant can be just as right)
    /// and non-trivial (a right mutant may change nothing on the data).</summary>
    public static IReadOnlyList<string> Informational { get; } = [Exact, NonTrivial];

    /// <summary>The informational metrics when non-trivial results are required (<c>--require-non-trivial</c>).</summary>
    public static IReadOnlyList<string> InformationalRequiringNonTrivial { get; } = [Exact];
}
