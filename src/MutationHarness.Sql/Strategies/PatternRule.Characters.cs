namespace MutationHarness.Sql.Strategies;

/// <summary>The per-character rules of the RdM* strategies (SEMANTICS §2): random mutation and its check.
/// RdMLikeU: each non-% character may become % (the documented rule); a normal character may also become _
/// (the seed wording "normal char -> '_'|'%', '_' -> '%'"); both only widen the match, so both conform.
/// The mutator itself only produces %. Escape sequences (the escape character and the one after it) never change.</summary>
internal sealed partial class PatternRule
{
    private static bool CanRegExpU(string pattern) =>
        pattern.StartsWith('^') || (pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal))
        || pattern.AsSpan().IndexOfAny('+', '?') >= 0;

    private string Mutate(Strategy strategy, string pattern, char escape, Random random)
    {
        var chars = pattern.ToCharArray();
        var changeable = new List<int>();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == escape)
            {
                i++;
                continue;
            }

            var c = chars[i];
            var fits = strategy == LikeWiden ? c != '%'
                : strategy == LikeNarrow ? c == '%'
                : strategy == RegExpWiden ? c is '+' or '?' || (i == 0 && c == '^') || (i == chars.Length - 1 && c == '$')
                : c == '*';
            if (fits)
            {
                changeable.Add(i);
            }
        }

        if (changeable.Count == 0)
        {
            return pattern;
        }

        var chosen = changeable.Where(_ => random.Next(2) == 0).ToList();
        if (chosen.Count == 0)
        {
            chosen.Add(changeable[random.Next(changeable.Count)]);
        }

        foreach (var i in chosen)
        {
            chars[i] = strategy == LikeWiden ? '%'
                : strategy == LikeNarrow ? '_'
                : strategy == RegExpNarrow ? random.Next(2) == 0 ? '+' : '?'
                : chars[i] is '^' or '$' ? '\0' : '*';
        }

        return new string([.. chars.Where(c => c != '\0')]);
    }

    /// <summary>Null when <paramref name="mutated"/> is a valid result of the strategy on <paramref name="original"/>; else why not.</summary>
    private string? Violation(Strategy strategy, string original, string mutated, char escape)
    {
        if (strategy == RegExpWiden)
        {
            if (original.StartsWith('^') && !mutated.StartsWith('^'))
            {
                original = original[1..];
            }

            if (original.EndsWith('$') && !mutated.EndsWith('$'))
            {
                original = original[..^1];
            }
        }

        if (original.Length != mutated.Length)
        {
            return $"the pattern changed length ({original.Length} -> {mutated.Length})";
        }

        for (var i = 0; i < original.Length; i++)
        {
            char o = original[i], m = mutated[i];
            if (o == escape && o == m && i + 1 < original.Length)
            {
                i++;
                if (original[i] == mutated[i])
                {
                    continue;
                }

                return $"escaped character {i} changed";
            }

            var allowed = o == m || (strategy == LikeWiden ? o != '%' && (m == '%' || (m == '_' && o != '_'))
                : strategy == LikeNarrow ? o == '%' && m == '_'
                : strategy == RegExpWiden ? o is '+' or '?' && m == '*'
                : o == '*' && m is '+' or '?');
            if (!allowed)
            {
                return $"character {i + 1} '{o}' -> '{m}' is not allowed";
            }
        }

        return null;
    }
}
