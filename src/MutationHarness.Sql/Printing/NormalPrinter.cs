using System.Text;
using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Printing;

/// <summary>Prints a tree in normal form: upper-case keywords, single spaces, no comments, back-quoted lower-case
/// names, only the parentheses precedence needs. It only prints: it never changes the tree, and where each node
/// landed goes to a separate <see cref="PrintedSpans"/> when one is asked for.</summary>
internal sealed partial class NormalPrinter
{
    private readonly StringBuilder output;
    private readonly SyntaxTree tree;
    private readonly PrintedSpans? spans;

    private NormalPrinter(SyntaxTree tree, PrintedSpans? spans)
    {
        this.tree = tree;
        this.spans = spans;
        output = new StringBuilder(tree.Source.Length + 16);
    }

    /// <summary>The normal form of the tree.</summary>
    public static string Print(SyntaxTree tree) => Print(tree, null);

    /// <summary>The normal form of the tree, recording where each node landed in it when <paramref name="spans"/> is given.</summary>
    public static string Print(SyntaxTree tree, PrintedSpans? spans)
    {
        var printer = new NormalPrinter(tree, spans);
        printer.PrintStandalone(tree.Root);
        return printer.output.ToString();
    }

    private int Begin() => output.Length;

    private void Finish(Node node, int start) => spans?.Record(node, start, output.Length);

    private void Name(string name)
    {
        output.Append('`');
        foreach (var c in name)
        {
            if (c == '`')
            {
                output.Append('`');
            }

            output.Append(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : char.ToLowerInvariant(c));
        }

        output.Append('`');
    }

    private void Names(List<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                output.Append(", ");
            }

            Name(names[i]);
        }
    }

    /// <summary>Prints kept-verbatim tokens token by token in normal form.</summary>
    private void Raw(TokenRange range)
    {
        var source = tree.Source;
        for (var i = range.First; i <= range.Last; i++)
        {
            var token = tree.Tokens[i];
            if (i > range.First && token.Kind is not (TokenKind.RParen or TokenKind.Comma or TokenKind.Dot)
                && tree.Tokens[i - 1].Kind is not (TokenKind.LParen or TokenKind.Dot))
            {
                output.Append(' ');
            }

            switch (token.Kind)
            {
                case TokenKind.Word:
                    output.Append(token.Span(source).ToString().ToUpperInvariant());
                    break;
                case TokenKind.QuotedIdentifier:
                    output.Append(source.AsSpan(token.Start + 1, token.Length - 2).ToString().Replace("``", "`", StringComparison.Ordinal).ToUpperInvariant());
                    break;
                case TokenKind.String:
                    SqlStrings.Encode(output, SqlStrings.Decode(token.Span(source)));
                    break;
                default:
                    output.Append(token.Span(source));
                    break;
            }
        }
    }
}
