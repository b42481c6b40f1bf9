using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql;

/// <summary>Names inside expressions: columns, qualified columns, function calls, and the queries nested in them.</summary>
internal sealed partial class NameWalker
{
    // Functions written without parentheses, which read as bare names.
    private static readonly HashSet<string> Niladic = new(StringComparer.OrdinalIgnoreCase)
    {
        "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURRENT_ROLE", "LOCALTIME", "LOCALTIMESTAMP",
        "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
    };

    // Calls whose first argument is a unit or type word, not a column: EXTRACT(YEAR FROM d), TIMESTAMPDIFF(DAY, a, b).
    private static readonly HashSet<string> UnitFirst = new(StringComparer.OrdinalIgnoreCase)
    {
        "EXTRACT", "TIMESTAMPADD", "TIMESTAMPDIFF", "GET_FORMAT",
    };

    private void Expr(Expr expression, NameScope scope, bool aliases)
    {
        switch (expression)
        {
            case NameExpr name:
                Name(name, scope, aliases);
                break;
            case CallExpr call:
                Call(call, scope, aliases);
                break;
            case BinaryExpr binary:
                Expr(binary.Left, scope, aliases);
                Expr(binary.Right, scope, aliases);
                break;
            case UnaryExpr unary:
                Expr(unary.Operand, scope, aliases);
                break;
            case QuantifiedExpr quantified:
                Expr(quantified.Left, scope, aliases);
                Query(quantified.Query, scope, scope.Ctes);
                break;
            case IsExpr test:
                Expr(test.Operand, scope, aliases);
                break;
            case BetweenExpr between:
                Expr(between.Operand, scope, aliases);
                Expr(between.Low, scope, aliases);
                Expr(between.High, scope, aliases);
                break;
            case InListExpr list:
                Expr(list.Operand, scope, aliases);
                list.Items.ForEach(item => Expr(item, scope, aliases));
                break;
            case InQueryExpr inQuery:
                Expr(inQuery.Operand, scope, aliases);
                Query(inQuery.Query, scope, scope.Ctes);
                break;
            case MatchExpr match:
                Expr(match.Operand, scope, aliases);
                Expr(match.Pattern, scope, aliases);
                if (match.Escape is { } escape)
                    Expr(escape, scope, aliases);
                break;
            case ExistsExpr exists:
                Query(exists.Query, scope, scope.Ctes);
                break;
            case SubqueryExpr subquery:
                Query(subquery.Query, scope, scope.Ctes);
                break;
            case RowExpr row:
                row.Items.ForEach(item => Expr(item, scope, aliases));
                break;
            case ParenExpr paren:
                Expr(paren.Inner, scope, aliases);
                break;
            case CaseExpr @case:
                if (@case.Operand is { } operand)
                    Expr(operand, scope, aliases);
                foreach (var (when, then) in @case.Whens)
                {
                    Expr(when, scope, aliases);
                    Expr(then, scope, aliases);
                }
                if (@case.Else is { } otherwise)
                    Expr(otherwise, scope, aliases);
                break;
            case CastExpr cast:
                Expr(cast.Operand, scope, aliases);
                break;
            case IntervalExpr interval:
                Expr(interval.Amount, scope, aliases);
                break;
            case CollateExpr collate:
                Expr(collate.Operand, scope, aliases);
                break;
            case FullTextMatch match:
                match.Columns.ForEach(column => Expr(column, scope, aliases));
                Expr(match.Search, scope, aliases);
                break;
        }
    }

    private void Name(NameExpr name, NameScope scope, bool aliases)
    {
        if (name.Star)
        {
            // t.* needs t in scope; * alone needs nothing.
            if (name.Parts.Count > 0 && scope.Find(name.Parts[^1]) is null)
                Report(UnknownNameKind.Table, name.Parts[^1], null, name.Start);
            return;
        }
        if (name.Parts.Count == 0 || name.Parts[0].Length == 0 || name.Parts[0][0] is '@' or '?' or ':')
            return; // a variable or a parameter
        var column = name.Parts[^1];
        if (name.Parts.Count == 1)
        {
            // Where every table of this level is itself unknown, its columns are not blamed again; beside a real
            // table, a column that table lacks is named (a missing table next to it does not excuse it).
            var onlyMissing = scope.Relations.Count > 0 && scope.Relations.All(r => r.Missing);
            if (!onlyMissing && !scope.Knows(column, aliases) && !Niladic.Contains(column))
                Report(UnknownNameKind.Column, column, null, name.Start);
            return;
        }
        var qualifier = name.Parts[^2];
        var table = scope.Find(qualifier);
        if (table is null || (!table.Missing && !table.Has(column)))
            Report(UnknownNameKind.Column, column, qualifier, name.Start);
    }

    private void Call(CallExpr call, NameScope scope, bool aliases)
    {
        // A qualified call (db.f) names another database's stored function: outside this schema.
        if (!call.Name.Contains('.', StringComparison.Ordinal) && !BuiltinFunctions.Contains(call.Name)
            && !schema.Functions.Contains(call.Name, StringComparer.OrdinalIgnoreCase))
            Report(UnknownNameKind.Function, source.Substring(call.Start, call.Name.Length), null, call.Start);
        var first = true;
        string? previousPrefix = null;
        foreach (var argument in call.Args)
        {
            if (argument.Value is { } value)
            {
                var isWord = value is NameExpr { Parts.Count: 1, Star: false };
                // A unit (EXTRACT(YEAR FROM d)) or a character set (CHAR(x USING utf8mb4)) is a word, not a column.
                if (!(isWord && ((first && UnitFirst.Contains(call.Name)) || previousPrefix == "USING")))
                    Expr(value, scope, aliases);
                first = false;
            }
            previousPrefix = argument.Prefix;
        }
    }
}
