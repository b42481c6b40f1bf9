using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Polarity;

/// <summary>The expression part of the walk: AND/OR keep the flag, NOT and friends flip it, the rest stops it.</summary>
internal sealed partial class SiteWalker
{
    private void WalkExpr(Expr expr, bool flag, Stop? stop)
    {
        switch (expr)
        {
            case ParenExpr paren:
                WalkExpr(paren.Inner, flag, stop);
                break;
            case BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } logical:
                WalkExpr(logical.Left, flag, stop);
                WalkExpr(logical.Right, flag, stop);
                break;
            case BinaryExpr binary when Precedence.IsComparison(binary.Op):
                Offer(binary, Clause.Itself, flag, stop);
                WalkExpr(binary.Left, flag, stop ?? Stops.ComparisonOperand);
                WalkExpr(binary.Right, flag, stop ?? Stops.ComparisonOperand);
                break;
            case BinaryExpr other:
                var operand = stop ?? Stops.OperandOf(other.Op);
                WalkExpr(other.Left, flag, operand);
                WalkExpr(other.Right, flag, operand);
                break;
            case UnaryExpr { Op: UnaryOp.Not or UnaryOp.Bang } not:
                WalkExpr(not.Operand, !flag, stop);
                break;
            case UnaryExpr unary:
                WalkExpr(unary.Operand, flag, stop ?? Stops.UnaryOperand);
                break;
            case IsExpr test:
                // IS TRUE keeps the flag, IS FALSE and IS NOT TRUE flip it; IS [NOT] NULL / UNKNOWN stop.
                var keeps = test.What is IsWhat.True or IsWhat.False;
                var flips = (test.What == IsWhat.False) != test.Not;
                WalkExpr(test.Operand, flips ? !flag : flag, keeps ? stop : stop ?? Stops.OperandOf(test));
                break;
            case QuantifiedExpr quantified:
                // The operator keeps the flag; only the body of ALL is flipped.
                Offer(quantified, Clause.Itself, flag, stop);
                WalkExpr(quantified.Left, flag, stop ?? Stops.ComparisonOperand);
                var bodyFlag = quantified.Quantifier == Quantifier.All ? !flag : flag;
                WalkQuery(quantified.Query, bodyFlag, Precedence.IsComparison(quantified.Op) ? stop : stop ?? Stops.NullSafeQuantified, false);
                break;
            case InListExpr inList:
                Offer(inList, Clause.Itself, inList.Not ? !flag : flag, stop);
                WalkExpr(inList.Operand, flag, stop ?? Stops.InOperand);
                foreach (var item in inList.Items)
                {
                    WalkExpr(item, flag, stop ?? Stops.InOperand);
                }

                break;
            case InQueryExpr inQuery:
                WalkExpr(inQuery.Operand, flag, stop ?? Stops.InOperand);
                WalkQuery(inQuery.Query, inQuery.Not ? !flag : flag, stop, false);
                break;
            case MatchExpr match:
                Offer(match, Clause.Itself, match.Not ? !flag : flag, stop);
                WalkExpr(match.Operand, flag, stop ?? (match.IsRegexp ? Stops.RegExpOperand : Stops.LikeOperand));
                WalkExpr(match.Pattern, flag, stop ?? (match.IsRegexp ? Stops.RegExpOperand : Stops.LikeOperand));
                break;
            case ExistsExpr exists:
                WalkQuery(exists.Query, flag, stop, false);
                break;
            default:
                WalkStopped(expr, flag, stop);
                break;
        }
    }

    /// <summary>Below a stop nothing is mined, but sites are still listed (with the stop) so a mutant there can be named.</summary>
    private void WalkStopped(Expr expr, bool flag, Stop? stop)
    {
        switch (expr)
        {
            case BetweenExpr between:
                var range = stop ?? Stops.BetweenOperand;
                WalkExpr(between.Operand, flag, range);
                WalkExpr(between.Low, flag, range);
                WalkExpr(between.High, flag, range);
                break;
            case SubqueryExpr subquery:
                WalkQuery(subquery.Query, flag, stop ?? Stops.ScalarSubquery, false);
                break;
            case RowExpr row:
                foreach (var item in row.Items)
                {
                    WalkExpr(item, flag, stop ?? Stops.RowConstructor);
                }

                break;
            case CaseExpr caseExpr:
                var branch = stop ?? Stops.CaseExpression;
                if (caseExpr.Operand is not null)
                {
                    WalkExpr(caseExpr.Operand, flag, branch);
                }

                foreach (var (when, then) in caseExpr.Whens)
                {
                    WalkExpr(when, flag, branch);
                    WalkExpr(then, flag, branch);
                }

                if (caseExpr.Else is not null)
                {
                    WalkExpr(caseExpr.Else, flag, branch);
                }

                break;
            case CastExpr cast:
                WalkExpr(cast.Operand, flag, stop ?? (cast.Style == CastStyle.Cast ? Stops.CastArgument : Stops.ConvertArgument));
                break;
            case IntervalExpr interval:
                WalkExpr(interval.Amount, flag, stop ?? Stops.IntervalOperand);
                break;
            case CollateExpr collate:
                WalkExpr(collate.Operand, flag, stop ?? Stops.CollateOperand);
                break;
            case FullTextMatch fullText:
                // MATCH … AGAINST is a function of its columns and search string, like any call.
                fullText.Columns.ForEach(column => WalkExpr(column, flag, stop ?? Stops.FullTextMatch));
                WalkExpr(fullText.Search, flag, stop ?? Stops.FullTextMatch);
                break;
            case CallExpr call:
                foreach (var arg in call.Args)
                {
                    if (arg.Value is not null)
                    {
                        WalkExpr(arg.Value, flag, stop ?? Stops.ArgumentOf(call.Name));
                    }
                }

                break;
        }
    }
}
