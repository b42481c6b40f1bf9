using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace MutationHarness.Integration.Tests;

/// <summary>Random SELECT texts that interleave comments, quotes, backticks, <c>#</c>, <c>--</c>, semicolons and
/// SELECT fragments: raw pieces glued at random (mostly refused), and well-formed literals and comments whose
/// bodies hold the same tricky characters (mostly allowed).</summary>
internal static class InterleavingTexts
{
    private static readonly string[] RawPieces =
    [
        "'", "\"", "`", "\\", "''", "\\'", "#", "--", "-- ", "--\t", "--\u3000", "--\u007F", "--x", "/*", "*/", "/*!", "/*!50700 ",
        "/*M!999999 ", "/*+ ", "/* ", ";", "\n", "\r", " ", " ", ",", "1", "'a'", "\"b\"", "`c`", "SELECT 2", "(", ")", "\u00A0",
        "-", "*", "/", "!", "N'n'", "X'41'", "'x' AS `y`",
    ];

    private static readonly char[] Tricky =
        ['\'', '"', '`', '\\', '#', '-', '-', '/', '*', ';', '!', '+', 'M', '\n', '\r', '\t', ' ', 'a', '\u3000', '\u00A0', '\u007F', '%', '0', 'n'];

    /// <summary>Raw and well-formed texts, one to two.</summary>
    public static Arbitrary<string> Texts { get; } =
        Gen.Frequency((1, Raw()), (2, WellFormed())).Select(body => "SELECT " + body).ToArbitrary();

    private static Gen<string> Raw() =>
        Gen.Choose(0, 12).SelectMany(count => Gen.Elements(RawPieces).ListOf(count)).Select(pieces => string.Concat(pieces));

    private static Gen<string> WellFormed() =>
        Gen.Frequency((3, Literal()), (2, Trivia()), (1, Gen.Elements("1", "2 + 3", "(4)", "- 5", "NULL")))
            .ListOf().Resize(6)
            .SelectMany(items => Gen.Elements("", ";", "; ", ";\n").Select(end => Join(items) + end));

    // Items are separated by commas; trivia glues onto its neighbour, as a comment between two items would.
    private static string Join(IEnumerable<string> items)
    {
        var text = new StringBuilder();
        var needComma = false;
        foreach (var item in items)
        {
            var isTrivia = item.StartsWith('/') || item.StartsWith('#') || item.StartsWith("--", StringComparison.Ordinal);
            if (!isTrivia && needComma)
                text.Append(", ");
            text.Append(item).Append(isTrivia ? "" : " ");
            needComma |= !isTrivia;
        }
        return needComma ? text.ToString() : text.Append("0").ToString();
    }

    private static Gen<string> Content() =>
        Gen.Choose(0, 8).SelectMany(count => Gen.Elements(Tricky).ListOf(count)).Select(chars => new string([.. chars]));

    private static Gen<string> Literal() =>
        from quote in Gen.Elements('\'', '"', '`')
        from content in Content()
        from doubling in Gen.Elements(true, false)
        select quote == '`' ? "'v' AS " + Quote(quote, content, doubling) : Quote(quote, content, doubling);

    private static string Quote(char quote, string content, bool doubling)
    {
        var text = new StringBuilder().Append(quote);
        foreach (var c in content)
        {
            if (c == quote)
                text.Append(doubling || quote == '`' ? $"{c}{c}" : $"\\{c}");
            else if (c == '\\' && quote != '`')
                text.Append(@"\\");
            else
                text.Append(c);
        }
        return text.Append(quote).ToString();
    }

    private static Gen<string> Trivia() =>
        from kind in Gen.Choose(0, 3)
        from content in Content()
        select kind switch
        {
            0 => "/* " + content.Replace("*/", "* /", StringComparison.Ordinal) + "*/",
            1 => "#" + content.Replace('\n', ' ') + "\n",
            2 => "-- " + content.Replace('\n', ' ') + "\n",
            _ => "--\t" + content.Replace('\n', ' ') + "\n",
        };
}
