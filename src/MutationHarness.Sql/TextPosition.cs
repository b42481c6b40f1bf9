namespace MutationHarness.Sql;

/// <summary>Turns character offsets into 1-based line and column numbers.</summary>
internal static class TextPosition
{
    public static (int Line, int Column) Of(string source, int offset)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(offset, source.Length);
        for (var i = 0; i < end; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, end - lineStart + 1);
    }

    public static string Describe(string source, int offset)
    {
        var (line, column) = Of(source, offset);
        return $"{line}:{column}";
    }
}
