using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Printing;

/// <summary>The clauses of one SELECT and its table references.</summary>
internal sealed partial class NormalPrinter
{
    private void PrintSelect(SelectQuery select)
    {
        _output.Append("SELECT");
        if (select.IsDistinct)
        {
            _output.Append(" DISTINCT");
        }

        foreach (var option in select.Options)
        {
            _output.Append(' ').Append(option);
        }

        for (var i = 0; i < select.Items.Count; i++)
        {
            _output.Append(i == 0 ? " " : ", ");
            PrintExpr(select.Items[i].Value);
            if (select.Items[i].Alias is { } alias)
            {
                _output.Append(" AS ");
                Name(alias);
            }
        }

        if (select.From is not null)
        {
            _output.Append(" FROM ");
            PrintTable(select.From);
        }

        PrintCondition(" WHERE ", select.Where);
        if (select.GroupBy is { } group)
        {
            _output.Append(" GROUP BY ");
            PrintList(group);
            if (select.WithRollup)
            {
                _output.Append(" WITH ROLLUP");
            }
        }

        PrintCondition(" HAVING ", select.Having);
        if (!select.Window.IsEmpty)
        {
            _output.Append(' ');
            Raw(select.Window);
        }
    }

    private void PrintCondition(string keyword, Expr? condition)
    {
        if (condition is not null)
        {
            _output.Append(keyword);
            PrintExpr(condition);
        }
    }

    private void PrintTable(TableRef table)
    {
        var start = Begin();
        switch (table)
        {
            case TableName name:
                for (var i = 0; i < name.Parts.Count; i++)
                {
                    if (i > 0)
                    {
                        _output.Append('.');
                    }

                    ExactName(name.Parts[i]);
                }

                if (!name.Partition.IsEmpty)
                {
                    _output.Append(' ');
                    Raw(name.Partition);
                }

                PrintAlias(name.Alias);
                if (!name.Hints.IsEmpty)
                {
                    _output.Append(' ');
                    Raw(name.Hints);
                }

                break;
            case DerivedTable derived:
                _output.Append(derived.Lateral ? "LATERAL (" : "(");
                PrintStandalone(derived.Query);
                _output.Append(')');
                PrintAlias(derived.Alias);
                if (derived.Columns is not null)
                {
                    _output.Append(" (");
                    Names(derived.Columns);
                    _output.Append(')');
                }

                break;
            case JoinRef join:
                PrintJoin(join);
                break;
            case JsonTable json:
                PrintJsonTable(json);
                break;
            case ParenTableRef paren when paren.Inner is JoinRef:
                _output.Append('(');
                PrintTable(paren.Inner);
                _output.Append(')');
                break;
            case ParenTableRef paren:
                PrintTable(paren.Inner);
                break;
        }

        Finish(table, start);
    }

    private void PrintAlias(string? alias)
    {
        if (alias is not null)
        {
            _output.Append(" AS ");
            ExactName(alias);
        }
    }

    private void PrintJoin(JoinRef join)
    {
        PrintTable(join.Left);
        _output.Append(join.Kind switch
        {
            JoinKind.Comma => ", ",
            JoinKind.Inner or JoinKind.Cross => " JOIN ",
            JoinKind.Straight => " STRAIGHT_JOIN ",
            JoinKind.Left => " LEFT JOIN ",
            JoinKind.Right => " RIGHT JOIN ",
            JoinKind.Natural => " NATURAL JOIN ",
            JoinKind.NaturalLeft => " NATURAL LEFT JOIN ",
            _ => " NATURAL RIGHT JOIN ",
        });
        PrintTable(join.Right);
        PrintCondition(" ON ", join.On);
        if (join.Using is not null)
        {
            _output.Append(" USING (");
            Names(join.Using);
            _output.Append(')');
        }
    }
}
