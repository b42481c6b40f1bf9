namespace MutationHarness.Sql.Strategies;

/// <summary>The per-character rules of the RdM* strategies (SEMANTICS §2), over the parts the pattern's syntax gives
/// (<c>PatternRule.Syntax.cs</c>): the random mutation and its check.
/// RdMLikeU: a character other than an unescaped % may become % (the documented rule); an ordinary character may
/// also become _ (the seed wording "normal char -> '_'|'%', '_' -> '%'"); both only widen the match. The mutator
/// itself only produces %. RdMLikeL: an unescaped % may become _. RdMRegExpU: a quantifier + or ? may become *, and
/// the anchors ^ (first) and $ (last) may go. RdMRegExpL: a quantifier * may become + or ?. Nothing else changes.</summary>
internal sealed partial class PatternRule
{
    private Part[] Read(Strategy strategy, string pattern, char? escape) =>
        strategy == RegExpWiden || strategy == RegExpNarrow ? ReadRegExp(pattern) : ReadLike(pattern, escape);

    /// <summary>True when the strategy may change this character (or drop it, for an anchor).</summary>
    private bool Changeable(Strategy strategy, Part part, char c) =>
        strategy == LikeWiden ? part is Part.Literal or Part.One
        : strategy == LikeNarrow ? part == Part.Any
        : strategy == RegExpWiden ? part == Part.Anchor || (part == Part.Quantifier && c is '+' or '?')
        : part == Part.Quantifier && c == '*';

    /// <summary>Why the strategy finds nothing to change in the pattern, or null when it does.</summary>
    private string? NothingToChange(Strategy strategy, string text, char? escape)
    {
        var pattern = new CodePoints(text).Narrow(text);
        var parts = Read(strategy, pattern, escape);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (Changeable(strategy, parts[i], pattern[i]))
            {
                return null;
            }
        }

        return strategy == LikeWiden ? "the pattern has nothing but % wildcards and escaped characters"
            : strategy == LikeNarrow ? "the pattern has no unescaped %"
            : strategy == RegExpWiden ? "the pattern has no ^ or $ anchor and no + or ? quantifier"
            : "the pattern has no * quantifier";
    }

    private string Mutate(Strategy strategy, string text, char? escape, Random random)
    {
        var codePoints = new CodePoints(text);
        var pattern = codePoints.Narrow(text);
        var parts = Read(strategy, pattern, escape);
        var chars = pattern.ToCharArray();
        var changeable = Enumerable.Range(0, chars.Length).Where(i => Changeable(strategy, parts[i], chars[i])).ToList();
        if (changeable.Count == 0)
        {
            return pattern;
        }

        var chosen = changeable.Where(_ => random.Next(2) == 0).ToList();
        if (chosen.Count == 0)
        {
            chosen.Add(changeable[random.Next(changeable.Count)]);
        }

        var dropped = new bool[chars.Length];
        foreach (var i in chosen)
        {
            if (parts[i] == Part.Anchor)
            {
                dropped[i] = true;
                continue;
            }

            chars[i] = strategy == LikeWiden ? '%'
                : strategy == LikeNarrow ? '_'
                : strategy == RegExpNarrow ? random.Next(2) == 0 ? '+' : '?'
                : '*';
        }

        return codePoints.Widen(new string([.. chars.Where((_, i) => !dropped[i])]));
    }

    /// <summary>Null when <paramref name="mutated"/> is a valid result of the strategy on <paramref name="original"/>; else why not.</summary>
    private string? Violation(Strategy strategy, string originalText, string mutatedText, char? escape)
    {
        var codePoints = new CodePoints(originalText, mutatedText);
        var (original, mutated) = (codePoints.Narrow(originalText), codePoints.Narrow(mutatedText));
        var parts = Read(strategy, original, escape);
        string? first = null;
        // RdMRegExpU may drop either anchor: try each way of lining the two up whose lengths agree.
        foreach (var (dropFirst, dropLast) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var dropsOk = (!dropFirst || parts is [Part.Anchor, ..]) && (!dropLast || (parts is [.., Part.Anchor] && original.Length > (dropFirst ? 1 : 0)));
            if (!dropsOk || (strategy != RegExpWiden && (dropFirst || dropLast))
                || mutated.Length != original.Length - (dropFirst ? 1 : 0) - (dropLast ? 1 : 0))
            {
                continue;
            }

            var why = Compare(strategy, original, mutated, parts, dropFirst ? 1 : 0, original.Length - (dropLast ? 1 : 0));
            if (why is null)
            {
                return null;
            }

            first ??= why;
        }

        return first ?? $"the pattern changed length ({original.Length} -> {mutated.Length})";
    }

    private string? Compare(Strategy strategy, string original, string mutated, Part[] parts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            char o = original[i], m = mutated[i - from];
            if (o == m)
            {
                continue;
            }

            var allowed = Changeable(strategy, parts[i], o) && parts[i] != Part.Anchor
                && (strategy == LikeWiden ? m == '%' || (m == '_' && parts[i] == Part.Literal)
                    : strategy == LikeNarrow ? m == '_'
                    : strategy == RegExpWiden ? m == '*'
                    : m is '+' or '?');
            if (!allowed)
            {
                return $"character {i + 1} '{o}' -> '{m}' is not allowed: {Why(parts[i])}";
            }
        }

        return null;
    }
}
