using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Mutation;

/// <summary>Makes a mutant by splicing the original text at one site, so everything else stays byte-identical.</summary>
internal static class MutantWriter
{
    public static string Write(SyntaxTree tree, Site site, Random? random = null)
    {
        var source = tree.Source;
        switch (site.Target)
        {
            case SelectQuery select when site.Strategy == Strategy.FixMDistinctU:
                var (start, end) = select.DistinctToken!.Value;
                return Splice(source, start, end < source.Length && char.IsWhiteSpace(source[end]) ? end + 1 : end, string.Empty);
            case SelectQuery select when site.Strategy == Strategy.FixMDistinctL:
                return select.DistinctToken is { } all
                    ? Splice(source, all.Start, all.End, "DISTINCT")
                    : Splice(source, select.Items[0].Value.Start, select.Items[0].Value.Start, "DISTINCT ");
            case SelectQuery select when site.Strategy is Strategy.FixMWhere1U or Strategy.FixMWhere0L:
                return Splice(source, select.Where!.Start, select.Where.End, site.Strategy == Strategy.FixMWhere1U ? "1" : "0");
            case SelectQuery select:
                return Splice(source, select.Having!.Start, select.Having.End, site.Strategy == Strategy.FixMHaving1U ? "1" : "0");
            case SetOpQuery setOp when site.Strategy == Strategy.FixMUnionAllU:
                return Splice(source, setOp.KeywordEnd, setOp.OpEnd, " ALL");
            case SetOpQuery setOp when site.Strategy == Strategy.FixMUnionAllL:
                return Splice(source, setOp.KeywordEnd, setOp.OpEnd, string.Empty);
            case SetOpQuery setOp:
                return Splice(source, setOp.Left.End, setOp.Right.End, string.Empty);
            case BinaryExpr binary:
                return Splice(source, binary.OpStart, binary.OpEnd, NewOperator(site.Strategy, binary.Op));
            case QuantifiedExpr quantified:
                return Splice(source, quantified.OpStart, quantified.OpEnd, NewOperator(site.Strategy, quantified.Op));
            case InListExpr inList:
                return Splice(source, inList.CloseParen, inList.CloseParen, ",NULL");
            case JoinRef join:
                return Splice(source, join.On!.Start, join.On.End, site.Strategy == Strategy.FixMOn1U ? "1" : "0");
            case MatchExpr match:
                var literal = LiteralValues.AsString(match.Pattern)!;
                var pattern = PatternRules.Mutate(site.Strategy, LiteralValues.Of(source, literal), PatternRules.EscapeOf(match, source), random ?? new Random(0));
                var prefixEnd = literal.Pieces[0].Start;
                return Splice(source, prefixEnd, literal.End, SqlStrings.Encode(pattern));
            default:
                throw new InvalidOperationException($"No rewrite for {site.Strategy} at {site.Target.GetType().Name}.");
        }
    }

    private static string NewOperator(Strategy strategy, BinaryOp op) => Precedence.Text(strategy == Strategy.FixMCmpOpU
        ? op switch { BinaryOp.Eq => BinaryOp.Ge, BinaryOp.Lt => BinaryOp.Le, _ => BinaryOp.Ge }
        : op switch { BinaryOp.Ge => BinaryOp.Gt, BinaryOp.Le => BinaryOp.Lt, _ => BinaryOp.Lt });

    private static string Splice(string source, int start, int end, string replacement) =>
        string.Concat(source.AsSpan(0, start), replacement, source.AsSpan(end));
}
