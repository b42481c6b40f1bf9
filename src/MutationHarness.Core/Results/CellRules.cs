using System.Globalization;

namespace MutationHarness.Core.Results;

/// <summary>How the cells of one column are compared when exact text finds a violation (SEMANTICS §4).</summary>
public enum CellRule
{
    /// <summary>Exact text: the default, and always for binary strings and for two different collations.</summary>
    Exact,

    /// <summary>Under the column's collation, as the server decides equality (both sides share the collation).</summary>
    Collation,

    /// <summary>By value under the wider type: only where the strategy itself changes the column's type.</summary>
    Value,
}

/// <summary>The rule of every column of a pair, from both sides' column descriptions.</summary>
public sealed record CellRules(IReadOnlyList<CellRule> Rules, IReadOnlyList<ResultColumn> Original, IReadOnlyList<ResultColumn> Mutant)
{
    /// <summary>Decides each column's rule. <paramref name="typesMayChange"/> is true only for a strategy that legitimately
    /// changes a result column's type (FixMRmUnionAllL).</summary>
    public static CellRules For(IReadOnlyList<ResultColumn> original, IReadOnlyList<ResultColumn> mutant, bool typesMayChange)
    {
        var rules = new CellRule[Math.Min(original.Count, mutant.Count)];
        for (var i = 0; i < rules.Length; i++)
        {
            var (o, m) = (original[i], mutant[i]);
            var typeDiffers = o.Type != m.Type || o.Decimals != m.Decimals;
            rules[i] = typesMayChange && typeDiffers && (o.IsNumeric || m.IsNumeric) ? CellRule.Value
                : o.HasLenientCollation && m.HasLenientCollation && o.Collation == m.Collation && o.CharacterSet == m.CharacterSet ? CellRule.Collation
                : CellRule.Exact;
        }
        return new CellRules(rules, original, mutant);
    }

    /// <summary>True when some column is compared other than by exact text.</summary>
    public bool AnyLenient => Rules.Any(r => r != CellRule.Exact);

    /// <summary>Says, for a report, which columns were compared how.</summary>
    public string Describe() => string.Join(", ", Rules.Select((rule, i) => rule switch
    {
        CellRule.Collation => $"column {i + 1} under {Original[i].Collation}",
        CellRule.Value => $"column {i + 1} by value ({Original[i].Type} vs {Mutant[i].Type})",
        _ => null,
    }).Where(s => s is not null));

    /// <summary>The key a <see cref="CellRule.Value"/> cell compares by: its number under the wider of both sides' types,
    /// except beside a FLOAT, whose printed digits are all either side can be compared at; text that is not a number
    /// keeps its text.</summary>
    public string ValueKey(int column, string text)
    {
        if (Original[column].Type == "Float" || Mutant[column].Type == "Float")
        {
            // A FLOAT column prints 6 significant digits (123456.7 as 123457), the same value in a DOUBLE or a string
            // column more (123456.703125, 123456.70312): both are compared as the FLOAT they are, at FLOAT's digits.
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? "n:" + FloatKey(number) : "t:" + text;
        }

        var floating = Original[column].IsFloatingPoint || Mutant[column].IsFloatingPoint;
        if (floating)
        {
            // -0 and 0 are the same number.
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? "n:" + (v == 0 ? "0" : v.ToString("R", CultureInfo.InvariantCulture))
                : "t:" + text;
        }
        return DecimalKey(text) is { } key ? "n:" + key : "t:" + text;
    }

    /// <summary>A number as the FLOAT it narrows to, with FLOAT's 6 significant digits; -0 and 0 alike; past FLOAT's
    /// range (a value of another branch) as the number it is.</summary>
    private static string FloatKey(double number)
    {
        var narrowed = (float)number;
        return narrowed == 0 ? "0"
            : float.IsFinite(narrowed) ? narrowed.ToString("G6", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A decimal numeral without leading zeros, trailing fraction zeros or the sign of zero; null when not one.</summary>
    private static string? DecimalKey(string text)
    {
        var s = text.AsSpan().Trim();
        var negative = s.StartsWith("-");
        if (negative || s.StartsWith("+"))
            s = s[1..];
        var dot = s.IndexOf('.');
        var whole = (dot < 0 ? s : s[..dot]).TrimStart('0');
        var fraction = dot < 0 ? [] : s[(dot + 1)..].TrimEnd('0');
        if ((dot < 0 ? s : s[..dot]).Length + fraction.Length == 0)
            return null;
        foreach (var c in whole)
        {
            if (!char.IsAsciiDigit(c))
                return null;
        }
        foreach (var c in fraction)
        {
            if (!char.IsAsciiDigit(c))
                return null;
        }
        if (whole.IsEmpty && fraction.IsEmpty)
            return "0";
        return (negative ? "-" : "") + (whole.IsEmpty ? "0" : whole.ToString()) + (fraction.IsEmpty ? "" : "." + fraction.ToString());
    }
}

/// <summary>Re-keys results so that cells equal under their column's rule get equal text, for a second, lenient judgement.</summary>
public static class LenientKeys
{
    /// <summary>The result with every cell replaced by its key: exact text, the collation class the server gave its
    /// text (<paramref name="classes"/>, by column), or its value; SQL NULL stays NULL.</summary>
    public static ResultSet Keyed(ResultSet result, CellRules rules, IReadOnlyDictionary<int, IReadOnlyDictionary<string, int>> classes)
    {
        var rows = new List<ResultRow>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var cells = new string?[row.Cells.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = row.Cells[i];
                cells[i] = cell is null || i >= rules.Rules.Count ? cell : rules.Rules[i] switch
                {
                    CellRule.Collation => "c:" + classes[i][cell].ToString(CultureInfo.InvariantCulture),
                    CellRule.Value => rules.ValueKey(i, cell),
                    _ => cell,
                };
            }
            rows.Add(new ResultRow(cells));
        }
        return new ResultSet(result.ColumnCount, rows);
    }
}
