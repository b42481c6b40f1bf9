using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Polarity;

/// <summary>The expression part of the walk: AND/OR keep the flag, NOT and friends flip it, the rest stops it.</summary>
internal sealed partial class SiteWalker
{
    private void WalkExpr(Expr expr, bool flag, bool live)
    {
        switch (expr)
        {
            case ParenExpr paren:
                WalkExpr(paren.Inner, flag, live);
                break;
            case BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } logical:
                WalkExpr(logical.Left, flag, live);
                WalkExpr(logical.Right, flag, live);
                break;
            case BinaryExpr binary when Precedence.IsComparison(binary.Op):
                Offer(binary, Clause.Itself, flag, live);
                WalkExpr(binary.Left, flag, false);
                WalkExpr(binary.Right, flag, false);
                break;
            case BinaryExpr other:
                WalkExpr(other.Left, flag, false);
                WalkExpr(other.Right, flag, false);
                break;
            case UnaryExpr { Op: UnaryOp.Not or UnaryOp.Bang } not:
                WalkExpr(not.Operand, !flag, live);
                break;
            case UnaryExpr unary:
                WalkExpr(unary.Operand, flag, false);
                break;
            case IsExpr test:
                var keeps = test.What is IsWhat.True or IsWhat.False;
                var flips = (test.What == IsWhat.False) != test.Not;
                WalkExpr(test.Operand, flips ? !flag : flag, live && keeps);
                break;
            case QuantifiedExpr quantified:
                Offer(quantified, Clause.Itself, flag, live);
                WalkExpr(quantified.Left, flag, false);
                var bodyFlag = quantified.Quantifier == Quantifier.All ? !flag : flag;
                WalkQuery(quantified.Query, bodyFlag, live && Precedence.IsComparison(quantified.Op), false);
                break;
            case InListExpr inList:
                Offer(inList, Clause.Itself, inList.Not ? !flag : flag, live);
                WalkExpr(inList.Operand, flag, false);
                foreach (var item in inList.Items)
                {
                    WalkExpr(item, flag, false);
                }

                break;
            case InQueryExpr inQuery:
                WalkExpr(inQuery.Operand, flag, false);
                WalkQuery(inQuery.Query, inQuery.Not ? !flag : flag, live, false);
                break;
            case MatchExpr match:
                Offer(match, Clause.Itself, match.Not ? !flag : flag, live);
                WalkExpr(match.Operand, flag, false);
                WalkExpr(match.Pattern, flag, false);
                break;
            case ExistsExpr exists:
                WalkQuery(exists.Query, flag, live, false);
                break;
            default:
                WalkStopped(expr, flag);
                break;
        }
    }

    /// <summary>Below a stop nothing is mined, but sites are still listed (not reachable) so a mutant there can be named.</summary>
    private void WalkStopped(Expr expr, bool flag)
    {
        switch (expr)
        {
            case BetweenExpr between:
                WalkExpr(between.Operand, flag, false);
                WalkExpr(between.Low, flag, false);
                WalkExpr(between.High, flag, false);
                break;
            case SubqueryExpr subquery:
                WalkQuery(subquery.Query, flag, false, false);
                break;
            case RowExpr row:
                foreach (var item in row.Items)
                {
                    WalkExpr(item, flag, false);
                }

                break;
            case CaseExpr caseExpr:
                if (caseExpr.Operand is not null)
                {
                    WalkExpr(caseExpr.Operand, flag, false);
                }

                foreach (var (when, then) in caseExpr.Whens)
                {
                    WalkExpr(when, flag, false);
                    WalkExpr(then, flag, false);
                }

                if (caseExpr.Else is not null)
                {
                    WalkExpr(caseExpr.Else, flag, false);
                }

                break;
            case CastExpr cast:
                WalkExpr(cast.Operand, flag, false);
                break;
            case IntervalExpr interval:
                WalkExpr(interval.Amount, flag, false);
                break;
            case CollateExpr collate:
                WalkExpr(collate.Operand, flag, false);
                break;
            case CallExpr call:
                foreach (var arg in call.Args)
                {
                    if (arg.Value is not null)
                    {
                        WalkExpr(arg.Value, flag, false);
                    }
                }

                break;
        }
    }
}
