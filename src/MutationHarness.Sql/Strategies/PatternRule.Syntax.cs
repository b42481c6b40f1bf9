namespace MutationHarness.Sql.Strategies;

/// <summary>Reads a LIKE or REGEXP pattern value with its own syntax, so the per-character rules only ever touch a
/// real wildcard, quantifier or anchor (SEMANTICS §2).</summary>
internal sealed partial class PatternRule
{
    /// <summary>What one character of a pattern is.</summary>
    private enum Part : byte
    {
        /// <summary>An ordinary character (in a regular expression, one that is no quantifier or anchor here).</summary>
        Literal,

        /// <summary>An escape character or the character it escapes.</summary>
        Escaped,

        /// <summary>Inside a regular expression's bracket expression, where <c>+ ? *</c> are plain characters.</summary>
        Bracketed,

        /// <summary>A quantifier made lazy or possessive (<c>*+ ++ +? ??</c>), or the modifier itself.</summary>
        Modified,

        /// <summary>LIKE's unescaped <c>%</c>.</summary>
        Any,

        /// <summary>LIKE's unescaped <c>_</c>.</summary>
        One,

        /// <summary>A regular expression's unescaped, unmodified <c>+ ? *</c> after something it can repeat.</summary>
        Quantifier,

        /// <summary>A regular expression's <c>^</c> first or unescaped <c>$</c> last.</summary>
        Anchor,
    }

    private static Part[] ReadLike(string pattern, char? escape)
    {
        var parts = new Part[pattern.Length];
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == escape && i + 1 < pattern.Length)
            {
                parts[i] = parts[++i] = Part.Escaped;
                continue;
            }

            parts[i] = pattern[i] switch { '%' => Part.Any, '_' => Part.One, _ => Part.Literal };
        }

        return parts;
    }

    private static Part[] ReadRegExp(string pattern)
    {
        var parts = new Part[pattern.Length];
        var repeatable = false; // whether something a quantifier can repeat comes right before
        var quantifierEnd = -1; // where the last quantifier ended, to spot a lazy or possessive modifier after it
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                parts[i] = Part.Escaped;
                if (i + 1 < pattern.Length)
                {
                    parts[++i] = Part.Escaped;
                }

                repeatable = true;
            }
            else if (c == '[')
            {
                var end = BracketEnd(pattern, i);
                Array.Fill(parts, Part.Bracketed, i, end - i + 1);
                (i, repeatable) = (end, true);
            }
            else if (c is '*' or '+' or '?')
            {
                if (quantifierEnd == i - 1 && i > 0)
                {
                    // A lazy or possessive form: neither the quantifier nor its modifier is a plain quantifier.
                    parts[i] = Part.Modified;
                    if (parts[i - 1] == Part.Quantifier)
                    {
                        parts[i - 1] = Part.Modified;
                    }
                }
                else
                {
                    parts[i] = repeatable ? Part.Quantifier : Part.Literal;
                    quantifierEnd = repeatable ? i : quantifierEnd;
                }

                repeatable = false;
            }
            else if (c == '{' && IntervalEnd(pattern, i) is > 0 and var end)
            {
                (i, quantifierEnd, repeatable) = (end, end, false);
            }
            else
            {
                parts[i] = (c == '^' && i == 0) || (c == '$' && i == pattern.Length - 1) ? Part.Anchor : Part.Literal;
                repeatable = c is not ('(' or '|' or '^');
            }
        }

        return parts;
    }

    /// <summary>The index of the <c>]</c> closing the bracket expression opened at <paramref name="open"/> (a first
    /// <c>]</c>, escapes and <c>[:class:]</c> do not close it), or the last index when it is never closed.</summary>
    private static int BracketEnd(string pattern, int open)
    {
        var j = open + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            j++;
        }

        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }

        while (j < pattern.Length && pattern[j] != ']')
        {
            if (pattern[j] == '[' && j + 1 < pattern.Length && pattern[j + 1] is ':' or '.' or '=')
            {
                var close = pattern.IndexOf(pattern[j + 1] + "]", j + 2, StringComparison.Ordinal);
                j = close < 0 ? j + 1 : close + 2;
                continue;
            }

            j += pattern[j] == '\\' ? 2 : 1;
        }

        return Math.Min(j, pattern.Length - 1);
    }

    /// <summary>The index of the <c>}</c> of an interval quantifier <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at <paramref name="open"/>, or -1.</summary>
    private static int IntervalEnd(string pattern, int open)
    {
        var j = open + 1;
        var digits = 0;
        while (j < pattern.Length && (char.IsAsciiDigit(pattern[j]) || (pattern[j] == ',' && digits > 0)))
        {
            digits += char.IsAsciiDigit(pattern[j]) ? 1 : 0;
            j++;
        }

        return digits > 0 && j < pattern.Length && pattern[j] == '}' ? j : -1;
    }

    private static string Why(Part part) => part switch
    {
        Part.Escaped => "it is escaped, or the escape itself",
        Part.Bracketed => "it is inside a bracket expression",
        Part.Modified => "it is part of a lazy or possessive quantifier",
        Part.Any or Part.One => "it is a wildcard",
        Part.Quantifier => "it is a quantifier",
        Part.Anchor => "it is an anchor",
        _ => "it is no wildcard, quantifier or anchor there",
    };
}
