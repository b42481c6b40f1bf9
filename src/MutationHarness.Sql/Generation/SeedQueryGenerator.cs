using MutationHarness.Sql.Generation;

namespace MutationHarness.Sql;

/// <summary>Generates seed queries shaped like upstream's (nested derived tables, joins, set operations, WITH,
/// subquery predicates under NOT / IS TRUE / IS FALSE) over the upstream tables; valid on MySQL 8 and MariaDB.</summary>
public static class SeedQueryGenerator
{
    /// <summary>The upstream table names.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["table_3_utf8_undef", "table_7_utf8_undef"];

    /// <summary>The upstream column names (without back-quotes; they need them in SQL).</summary>
    public static IReadOnlyList<string> Columns { get; } = BuildColumns();

    /// <summary>Generates <paramref name="count"/> seeds from the random source.</summary>
    public static IReadOnlyList<string> Generate(Random random, int count)
    {
        var seeds = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            seeds.Add(new SeedBuilder(random).Query());
        }

        return seeds;
    }

    private static string[] BuildColumns()
    {
        var columns = new List<string> { "pk" };
        foreach (var type in new[] { "bigint", "float", "double", "decimal(40, 20)", "char(20)", "varchar(20)" })
        {
            foreach (var index in new[] { "undef", "key" })
            {
                columns.Add($"col_{type}_{index}_signed");
                if (!type.Contains("char", StringComparison.Ordinal))
                {
                    columns.Add($"col_{type}_{index}_unsigned");
                }
            }
        }

        return [.. columns];
    }
}
