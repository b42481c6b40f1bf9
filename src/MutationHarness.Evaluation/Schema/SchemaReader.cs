using MutationHarness.Databases.Targets;
using MutationHarness.Sql;

namespace MutationHarness.Evaluation;

/// <summary>Reads what a database holds from its information_schema, through the same read-only path the graded
/// statements take (these SELECTs are the harness's own).</summary>
internal static class SchemaReader
{
    private const string ColumnsQuery = """
        SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_KEY, c.COLUMN_COMMENT, t.TABLE_COMMENT
        FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
          ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
        WHERE c.TABLE_SCHEMA = DATABASE()
        ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
        """;

    private const string FunctionsQuery =
        "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE = 'FUNCTION'";

    /// <summary>Every table of the database with its columns, keyed by exact name.</summary>
    public static async Task<IReadOnlyDictionary<string, TableFacts>> ReadTablesAsync(IQueryTarget target, FixtureDatabase database,
        TimeSpan deadline, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(target, database, ColumnsQuery, deadline, cancellationToken);
        return rows.GroupBy(r => r[0]!, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new TableFacts(g.Key, g.First()[6] ?? "", g.Select(r => new ColumnFacts(r[1]!, r[2] ?? "", r[3] == "YES", r[4] ?? "", r[5] ?? "")).ToList()),
            StringComparer.Ordinal);
    }

    /// <summary>The tables, columns and stored functions of the database, for resolving names.</summary>
    public static async Task<SchemaCatalog> ReadCatalogAsync(IQueryTarget target, FixtureDatabase database, TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        var tables = await ReadTablesAsync(target, database, deadline, cancellationToken);
        var functions = await RowsAsync(target, database, FunctionsQuery, deadline, cancellationToken);
        return new SchemaCatalog(
            tables.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value.Columns.Select(c => c.Name).ToList(), StringComparer.Ordinal),
            functions.Select(r => r[0]!).ToList());
    }

    private static async Task<IReadOnlyList<IReadOnlyList<string?>>> RowsAsync(IQueryTarget target, FixtureDatabase database, string sql,
        TimeSpan deadline, CancellationToken cancellationToken)
    {
        var outcome = await target.ExecuteAsync(database, sql, deadline, cancellationToken);
        return outcome is RowsOutcome rows
            ? rows.Result.Rows.Select(r => r.Cells).ToList()
            : throw new InvalidOperationException($"information_schema could not be read on {target.Name}: " +
                (outcome as ServerErrorOutcome)?.Message ?? "it ran past its deadline");
    }
}
