namespace MutationHarness.Sql.Lexing;

/// <summary>The server's lexical rules where a naive reading goes wrong, and the forms the harness refuses because
/// the server reads them by a rule of its own (MariaDB <c>sql_lex.cc</c>, MySQL's lexer and hint scanner).</summary>
internal static class LexerRules
{
    /// <summary>Why an executable comment is never accepted.</summary>
    public const string ExecutableComment =
        "no executable comment (the server runs or skips the body of /*! … */ and /*M! … */ by its version, so no static reading of it can be trusted)";

    /// <summary>Why an optimizer hint is never accepted.</summary>
    public const string OptimizerHint =
        "no optimizer hint (MySQL reads /*+ … */ with a grammar of its own, where a quoted name may hide '*/', and its hints change how the statement runs)";

    /// <summary>The server's whitespace: ASCII only. Any byte from 0x80 up is part of an identifier, so a
    /// no-break or ideographic space is not a separator there.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>True when the text is only the server's whitespace: after a closing ';' anything else (even a lone
    /// comment, an empty statement) makes the server start another statement.</summary>
    public static bool IsBlank(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the character after <c>--</c> makes it a comment: the server wants a space or a control
    /// character (ASCII only, as the server tests the next byte), or the end of the text.</summary>
    public static bool EndsDashes(string source, int at) => at >= source.Length || source[at] <= ' ' || source[at] == '\u007F';

    /// <summary>Refuses NUL anywhere: the server ends a <c>#</c> or <c>--</c> comment at a NUL byte, and reads it as a
    /// stray token elsewhere, so text holding one is read differently by each side.</summary>
    public static void RefuseNul(string source)
    {
        var nul = source.IndexOf('\0');
        if (nul >= 0)
        {
            throw SqlSyntaxError.At(source, nul, "no NUL character (the server ends comments at it)", "NUL");
        }
    }

    /// <summary>Refuses a block comment (at <paramref name="start"/>, on <c>/*</c>) the server would not skip:
    /// <c>/*!</c>, <c>/*M!</c> (and any <c>/*X!</c>, as TiDB's <c>/*T!</c>) and the hint <c>/*+</c>.</summary>
    public static void RefuseSpecialComment(string source, int start)
    {
        var body = start + 2;
        var first = body < source.Length ? source[body] : '\0';
        var second = body + 1 < source.Length ? source[body + 1] : '\0';
        if (first == '!' || (char.IsAsciiLetter(first) && second == '!'))
        {
            var marker = source.Substring(start, first == '!' ? 3 : 4);
            throw SqlSyntaxError.At(source, start, ExecutableComment, $"'{marker}'");
        }

        if (first == '+')
        {
            throw SqlSyntaxError.At(source, start, OptimizerHint, "'/*+'");
        }
    }

    /// <summary>A character as an error message shows it: control characters by code point.</summary>
    public static string Show(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
