namespace MutationHarness.Sql;

/// <summary>What a database holds, as its information_schema tells: tables with their columns, and stored functions.</summary>
/// <param name="Tables">Each table's columns, keyed by the table's exact name (table names are case-sensitive).</param>
/// <param name="Functions">The database's stored functions (built-in functions are known without being listed).</param>
public sealed record SchemaCatalog(IReadOnlyDictionary<string, IReadOnlyList<string>> Tables, IReadOnlyCollection<string> Functions)
{
    /// <summary>A catalog of these tables and no stored functions.</summary>
    public static SchemaCatalog Of(IReadOnlyDictionary<string, IReadOnlyList<string>> tables) => new(tables, []);

    /// <summary>Merges catalogs (several schema scripts): a name is known when any of them knows it.</summary>
    public static SchemaCatalog Union(IEnumerable<SchemaCatalog> catalogs)
    {
        var tables = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var functions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var catalog in catalogs)
        {
            foreach (var (table, columns) in catalog.Tables)
                tables[table] = tables.TryGetValue(table, out var known) ? [.. known.Union(columns, StringComparer.OrdinalIgnoreCase)] : columns;
            functions.UnionWith(catalog.Functions);
        }
        return new SchemaCatalog(tables, functions);
    }
}
