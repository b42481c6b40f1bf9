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
    private readonly StringBuilder _output;
    private readonly SyntaxTree _tree;
    private readonly PrintedSpans? _spans;

    private NormalPrinter(SyntaxTree tree, PrintedSpans? spans)
    {
        _tree = tree;
        _spans = spans;
        _output = new StringBuilder(tree.Source.Length + 16);
    }

    /// <summary>The normal form of the tree.</summary>
    public static string Print(SyntaxTree tree) => Print(tree, null);

    /// <summary>The normal form of the tree, recording where each node landed in it when <paramref name="spans"/> is given.</summary>
    public static string Print(SyntaxTree tree, PrintedSpans? spans)
    {
        var printer = new NormalPrinter(tree, spans);
        printer.PrintStandalone(tree.Root);
        return printer._output.ToString();
    }

    private int Begin() => _output.Length;

    private void Finish(Node node, int start) => _spans?.Record(node, start, _output.Length);

    /// <summary>A column name, alias of a column or CTE name: compared without case, so printed in lower case.</summary>
    private void Name(string name) => Quoted(name, fold: true);

    /// <summary>A table name, table alias or schema name: case-sensitive on the server (lower_case_table_names=0),
    /// so printed as written: t1 and T1 are two tables.</summary>
    private void ExactName(string name) => Quoted(name, fold: false);

    private void Quoted(string name, bool fold)
    {
        _output.Append('`');
        foreach (var c in name)
        {
            if (c == '`')
            {
                _output.Append('`');
            }

            _output.Append(!fold ? c : char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : char.ToLowerInvariant(c));
        }

        _output.Append('`');
    }

    private void Names(List<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                _output.Append(", ");
            }

            Name(names[i]);
        }
    }

    /// <summary>Prints kept-verbatim tokens token by token in normal form.</summary>
    private void Raw(TokenRange range)
    {
        var source = _tree.Source;
        for (var i = range.First; i <= range.Last; i++)
        {
            var token = _tree.Tokens[i];
            if (i > range.First && token.Kind is not (TokenKind.RParen or TokenKind.Comma or TokenKind.Dot)
                && _tree.Tokens[i - 1].Kind is not (TokenKind.LParen or TokenKind.Dot))
            {
                _output.Append(' ');
            }

            // A name before a dot qualifies another (a table or schema) and keeps its case; other words fold.
            var qualifier = i < range.Last && _tree.Tokens[i + 1].Kind == TokenKind.Dot;
            switch (token.Kind)
            {
                case TokenKind.Word:
                    var word = token.Span(source).ToString();
                    _output.Append(qualifier ? word : word.ToUpperInvariant());
                    break;
                case TokenKind.QuotedIdentifier:
                    var quoted = source.AsSpan(token.Start + 1, token.Length - 2).ToString().Replace("``", "`", StringComparison.Ordinal);
                    _output.Append(qualifier ? quoted : quoted.ToUpperInvariant());
                    break;
                case TokenKind.String:
                    SqlStrings.Encode(_output, SqlStrings.Decode(token.Span(source)));
                    break;
                default:
                    _output.Append(token.Span(source));
                    break;
            }
        }
    }
}
