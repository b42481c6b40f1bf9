namespace MutationHarness.Sql.Lexing;

/// <summary>Looks words up as keywords without allocating, and knows which ones are reserved.</summary>
internal static class Keywords
{
    private static readonly Dictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> Lookup = BuildLookup();
    private static readonly bool[] ReservedFlags = BuildReserved();

    public static Keyword Find(ReadOnlySpan<char> word) =>
        word.Length <= 19 && Lookup.TryGetValue(word, out var keyword) ? keyword : Keyword.None;

    /// <summary>Reserved words cannot be an implicit alias or a bare column name.</summary>
    public static bool IsReserved(Keyword keyword) => ReservedFlags[(int)keyword];

    private static Dictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> BuildLookup()
    {
        var map = new Dictionary<string, Keyword>(StringComparer.OrdinalIgnoreCase);
        foreach (var keyword in Enum.GetValues<Keyword>())
        {
            if (keyword != Keyword.None)
            {
                map[keyword.ToString()] = keyword;
            }
        }

        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static bool[] BuildReserved()
    {
        Keyword[] reserved =
        [
            Keyword.SELECT, Keyword.FROM, Keyword.WHERE, Keyword.GROUP, Keyword.HAVING, Keyword.ORDER,
            Keyword.LIMIT, Keyword.UNION, Keyword.INTERSECT, Keyword.EXCEPT, Keyword.ALL, Keyword.DISTINCT,
            Keyword.DISTINCTROW, Keyword.WITH, Keyword.AS, Keyword.ON, Keyword.USING, Keyword.JOIN,
            Keyword.INNER, Keyword.CROSS, Keyword.LEFT, Keyword.RIGHT, Keyword.NATURAL, Keyword.LATERAL,
            Keyword.STRAIGHT_JOIN, Keyword.USE, Keyword.IGNORE, Keyword.FORCE, Keyword.FOR, Keyword.WINDOW,
            Keyword.PARTITION, Keyword.BETWEEN, Keyword.AND, Keyword.OR, Keyword.XOR, Keyword.NOT,
            Keyword.IS, Keyword.IN, Keyword.LIKE, Keyword.ESCAPE, Keyword.REGEXP, Keyword.RLIKE,
            Keyword.CASE, Keyword.WHEN, Keyword.THEN, Keyword.ELSE, Keyword.END, Keyword.DIV, Keyword.MOD,
            Keyword.COLLATE, Keyword.INTO, Keyword.LOCK, Keyword.ASC, Keyword.DESC, Keyword.INTERVAL,
            Keyword.OFFSET, Keyword.ROWS, Keyword.RANGE, Keyword.SOUNDS, Keyword.MEMBER,
            Keyword.HIGH_PRIORITY, Keyword.SQL_SMALL_RESULT, Keyword.SQL_BIG_RESULT,
            Keyword.SQL_BUFFER_RESULT, Keyword.SQL_NO_CACHE, Keyword.SQL_CACHE, Keyword.SQL_CALC_FOUND_ROWS,
            Keyword.SET, Keyword.OVER,
        ];
        var flags = new bool[256];
        foreach (var keyword in reserved)
        {
            flags[(int)keyword] = true;
        }

        return flags;
    }
}
