namespace MutationHarness.Sql.Lexing;

/// <summary>Looks words up as keywords without allocating, and knows which ones are reserved.</summary>
internal static class Keywords
{
    // Every word of every query is looked up, so this is an open-addressed table over an ASCII case-folded hash
    // rather than a case-insensitive Dictionary (whose comparer dominated the lexer's profile).
    private const int TableSize = 512;
    private static readonly Keyword[] Table = BuildTable();
    private static readonly string[] Names = BuildNames();
    private static readonly bool[] ReservedFlags = BuildReserved();
    private static readonly Dictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> NonAscii = BuildNonAscii();

    public static Keyword Find(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 19)
        {
            return Keyword.None;
        }

        var hash = 0u;
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c) && c != '_')
            {
                // Keywords are ASCII letters and '_', but case-insensitive matching maps a few non-ASCII letters
                // onto ASCII ones (e.g. U+017F long s to S); the general lookup keeps those exactly as before.
                return c < '\u0080' ? Keyword.None : NonAscii.TryGetValue(word, out var keyword) ? keyword : Keyword.None;
            }

            hash = (hash * 31) + (uint)(c | 0x20);
        }

        for (var slot = hash % TableSize; ; slot = (slot + 1) % TableSize)
        {
            var keyword = Table[slot];
            if (keyword == Keyword.None)
            {
                return Keyword.None;
            }

            if (Matches(Names[(int)keyword], word))
            {
                return keyword;
            }
        }
    }

    /// <summary>Reserved words cannot be an implicit alias or a bare column name.</summary>
    public static bool IsReserved(Keyword keyword) => ReservedFlags[(int)keyword];

    private static bool Matches(string name, ReadOnlySpan<char> word)
    {
        if (name.Length != word.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            // word holds only ASCII letters and '_' here; the same fold on both sides compares letters caselessly.
            if ((name[i] | 0x20) != (word[i] | 0x20))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, Keyword>.AlternateLookup<ReadOnlySpan<char>> BuildNonAscii()
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

    private static string[] BuildNames()
    {
        var names = new string[256];
        foreach (var keyword in Enum.GetValues<Keyword>())
        {
            names[(int)keyword] = keyword.ToString();
        }

        return names;
    }

    private static Keyword[] BuildTable()
    {
        var table = new Keyword[TableSize];
        foreach (var keyword in Enum.GetValues<Keyword>())
        {
            if (keyword == Keyword.None)
            {
                continue;
            }

            var hash = 0u;
            foreach (var c in keyword.ToString())
            {
                hash = (hash * 31) + (uint)(c | 0x20);
            }

            var slot = hash % TableSize;
            while (table[slot] != Keyword.None)
            {
                slot = (slot + 1) % TableSize;
            }

            table[slot] = keyword;
        }

        return table;
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
            Keyword.SET, Keyword.OVER, Keyword.FETCH, Keyword.MATCH, Keyword.VALUES,
        ];
        var flags = new bool[256];
        foreach (var keyword in reserved)
        {
            flags[(int)keyword] = true;
        }

        return flags;
    }
}
