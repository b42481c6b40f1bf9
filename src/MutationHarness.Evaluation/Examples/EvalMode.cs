namespace MutationHarness.Evaluation;

/// <summary>What the model was asked to write, and so how its answers are graded.</summary>
public enum EvalMode
{
    /// <summary>A mutant of the user's seed query under the strategy the system message names.</summary>
    Mutation,

    /// <summary>A plain SQL query (natural language to SQL) graded against a schema fixture.</summary>
    Sql,

    /// <summary>A table's CREATE TABLE, run in a scratch database and compared with the real table.</summary>
    Ddl,
}
