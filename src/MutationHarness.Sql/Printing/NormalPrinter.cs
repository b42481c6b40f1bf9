using System.Text;
using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Printing;

/// <summary>Prints a tree in normal form: upper-case keywords, single spaces, no comments, back-quoted lower-case
/// names, only the parentheses precedence needs. It can apply one <see cref="Rewrite"/> while printing.</summary>
internal sealed partial class NormalPrinter
{
    private readonly StringBuilder output;
    private readonly SyntaxTree tree;
    private readonly Rewrite? rewrite;
    private readonly bool recordSpans;

    private NormalPrinter(SyntaxTree tree, Rewrite? rewrite, bool recordSpans)
    {
        this.tree = tree;
        this.rewrite = rewrite;
        this.recordSpans = recordSpans;
        output = new StringBuilder(tree.Source.Length + 16);
    }

    /// <summary>Where the rewritten node landed in the output.</summary>
    public (int Start, int End) TargetSpan { get; private set; }

    /// <summary>Prints only the rewritten target node, for splicing into the original's normal form at its span.</summary>
    public static string PrintTarget(SyntaxTree tree, Rewrite rewrite)
    {
        var printer = new NormalPrinter(tree, rewrite, recordSpans: false);
        switch (rewrite.Target)
        {
            case Query query:
                printer.PrintQuery(query);
                break;
            case Expr expr:
                printer.PrintExpr(expr);
                break;
            case TableRef table:
                printer.PrintTable(table);
                break;
        }

        return printer.output.ToString();
    }

    public static string Print(SyntaxTree tree, Rewrite? rewrite, bool recordSpans) =>
        Print(tree, rewrite, recordSpans, out _);

    public static string Print(SyntaxTree tree, Rewrite? rewrite, bool recordSpans, out (int Start, int End) targetSpan)
    {
        var printer = new NormalPrinter(tree, rewrite, recordSpans);
        printer.PrintStandalone(tree.Root);
        targetSpan = printer.TargetSpan;
        return printer.output.ToString();
    }

    private bool IsTarget(Node node, Strategy strategy) =>
        rewrite is not null && rewrite.Strategy == strategy && ReferenceEquals(rewrite.Target, node);

    private bool IsTarget(Node node) => rewrite is not null && ReferenceEquals(rewrite.Target, node);

    private int Begin() => output.Length;

    private void Finish(Node node, int start)
    {
        if (recordSpans)
        {
            node.NormStart = start;
            node.NormEnd = output.Length;
        }

        if (IsTarget(node) && TargetSpan == default)
        {
            TargetSpan = (start, output.Length);
        }
    }

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
