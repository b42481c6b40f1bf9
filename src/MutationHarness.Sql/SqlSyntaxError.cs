namespace MutationHarness.Sql;

/// <summary>A statement that does not lex or parse, with where it failed and what was expected there.</summary>
public sealed class SqlSyntaxError : Exception
{
    /// <summary>Creates the error for a position in the text.</summary>
    public SqlSyntaxError(int line, int column, string expected, string found)
        : base($"{line}:{column}: expected {expected}, found {found}")
    {
        Line = line;
        Column = column;
        Expected = expected;
        Found = found;
    }

    /// <summary>Creates an error without a position.</summary>
    public SqlSyntaxError()
        : this(1, 1, "a statement", "nothing")
    {
    }

    /// <summary>Creates an error without a position from a message.</summary>
    public SqlSyntaxError(string message)
        : this(1, 1, message, "nothing")
    {
    }

    /// <summary>Creates an error without a position from a message and a cause.</summary>
    public SqlSyntaxError(string message, Exception innerException)
        : base(message, innerException)
    {
        Line = 1;
        Column = 1;
        Expected = message;
        Found = "nothing";
    }

    /// <summary>The 1-based line of the failure.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the failure.</summary>
    public int Column { get; }

    /// <summary>What the parser expected at that point.</summary>
    public string Expected { get; }

    /// <summary>What it found instead.</summary>
    public string Found { get; }

    internal static SqlSyntaxError At(string source, int offset, string expected, string found)
    {
        var (line, column) = TextPosition.Of(source, offset);
        return new SqlSyntaxError(line, column, expected, found);
    }
}
