using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Printing;

/// <summary>Predicates, subqueries and the special forms (CASE, CAST, INTERVAL, calls).</summary>
internal sealed partial class NormalPrinter
{
    private void PrintOther(Expr expr)
    {
        switch (expr)
        {
            case QuantifiedExpr quantified:
                PrintOperand(quantified.Left, Precedence.Comparison);
                _output.Append(' ').Append(Precedence.Text(quantified.Op));
                _output.Append(quantified.Quantifier switch { Quantifier.Any => " ANY (", Quantifier.Some => " SOME (", _ => " ALL (" });
                PrintStandalone(quantified.Query);
                _output.Append(')');
                break;
            case IsExpr test:
                PrintOperand(test.Operand, Precedence.Comparison);
                _output.Append(test.Not ? " IS NOT " : " IS ").Append(test.What.ToString().ToUpperInvariant());
                break;
            case BetweenExpr between:
                // The left operand of a predicate is a bit expression: a nested predicate there needs its
                // parentheses, or it would re-parse into the right side (BETWEEN's upper bound is a predicate).
                PrintOperand(between.Operand, Precedence.Predicate + 1);
                _output.Append(between.Not ? " NOT BETWEEN " : " BETWEEN ");
                PrintOperand(between.Low, Precedence.Predicate + 1);
                _output.Append(" AND ");
                PrintOperand(between.High, Precedence.Predicate);
                break;
            case InListExpr inList:
                PrintOperand(inList.Operand, Precedence.Predicate + 1);
                _output.Append(inList.Not ? " NOT IN (" : " IN (");
                PrintList(inList.Items);
                _output.Append(')');
                break;
            case InQueryExpr inQuery:
                PrintOperand(inQuery.Operand, Precedence.Predicate + 1);
                _output.Append(inQuery.Not ? " NOT IN (" : " IN (");
                PrintStandalone(inQuery.Query);
                _output.Append(')');
                break;
            case MatchExpr match:
                PrintMatch(match);
                break;
            case ExistsExpr exists:
                _output.Append("EXISTS (");
                PrintStandalone(exists.Query);
                _output.Append(')');
                break;
            case SubqueryExpr subquery:
                _output.Append('(');
                PrintStandalone(subquery.Query);
                _output.Append(')');
                break;
            case RowExpr row:
                _output.Append('(');
                PrintList(row.Items);
                _output.Append(')');
                break;
            case CollateExpr collate:
                PrintOperand(collate.Operand, Precedence.Primary);
                _output.Append(" COLLATE ").Append(collate.Collation.ToLowerInvariant());
                break;
            default:
                PrintSpecial(expr);
                break;
        }
    }

    private void PrintMatch(MatchExpr match)
    {
        PrintOperand(match.Operand, Precedence.Predicate + 1);
        _output.Append(match.Not ? " NOT " : " ").Append(match.IsRegexp ? "REGEXP " : "LIKE ");
        PrintOperand(match.Pattern, Precedence.Predicate + 1);

        if (match.Escape is not null)
        {
            _output.Append(" ESCAPE ");
            PrintOperand(match.Escape, Precedence.Primary);
        }
    }

    private void PrintSpecial(Expr expr)
    {
        switch (expr)
        {
            case CaseExpr caseExpr:
                _output.Append("CASE");
                if (caseExpr.Operand is not null)
                {
                    _output.Append(' ');
                    PrintExpr(caseExpr.Operand);
                }

                foreach (var (when, then) in caseExpr.Whens)
                {
                    _output.Append(" WHEN ");
                    PrintExpr(when);
                    _output.Append(" THEN ");
                    PrintExpr(then);
                }

                if (caseExpr.Else is not null)
                {
                    _output.Append(" ELSE ");
                    PrintExpr(caseExpr.Else);
                }

                _output.Append(" END");
                break;
            case CastExpr cast:
                _output.Append(cast.Style == CastStyle.Cast ? "CAST(" : "CONVERT(");
                PrintExpr(cast.Operand);
                _output.Append(cast.Style switch { CastStyle.Cast => " AS ", CastStyle.Convert => ", ", _ => " USING " });
                Raw(cast.Type);
                _output.Append(')');
                break;
            case IntervalExpr interval:
                _output.Append("INTERVAL ");
                PrintOperand(interval.Amount, Precedence.Primary);
                _output.Append(' ').Append(interval.Unit);
                break;
            case CallExpr call:
                PrintCall(call);
                break;
            case RawExpr raw:
                Raw(raw.Tokens);
                break;
            case FullTextMatch match:
                PrintFullTextMatch(match);
                break;
        }
    }

    private void PrintCall(CallExpr call)
    {
        _output.Append(call.Name).Append('(');
        var afterKeyword = false;
        foreach (var arg in call.Args)
        {
            if (arg.Value is null)
            {
                _output.Append(arg.Prefix == "," ? ", " : (afterKeyword || _output[^1] == '(' ? string.Empty : " ") + arg.Prefix + " ");
                afterKeyword = arg.Prefix != ",";
                continue;
            }

            PrintExpr(arg.Value);
            afterKeyword = false;
        }

        if (_output[^1] == ' ')
        {
            _output.Length--;
        }

        _output.Append(')');
        if (!call.Over.IsEmpty)
        {
            _output.Append(" OVER ");
            Raw(call.Over);
        }
    }
}
