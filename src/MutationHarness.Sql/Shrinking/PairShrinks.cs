using System.Text;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Shrinking;

/// <summary>A smaller pair: the same cut made in the seed and in the mutant.</summary>
/// <param name="Description">What was cut, for people: <c>drop the conjunct c1 &gt; 0</c>.</param>
public sealed record PairShrink(string Description, string Original, string Mutated);

/// <summary>The smaller pairs one cut away from a pair. A cut is made only where the two statements agree (outside the
/// mutated site), so the same text leaves both; a derived-table layer is dropped by keeping only the query that holds
/// the site. Whether the smaller pair still conforms, runs and violates is for the caller to check.</summary>
public static class PairShrinks
{
    /// <summary>Every one-cut shrink of the pair, biggest cuts first; none when the seed does not parse.</summary>
    public static IEnumerable<PairShrink> Of(string original, string mutated)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(mutated);
        SyntaxTree tree;
        try
        {
            tree = Parser.Parse(original);
        }
        catch (SqlSyntaxError)
        {
            yield break;
        }

        // Where the two texts differ: [siteStart, siteEnd) in the seed; the mutant's text there is `delta` longer.
        var prefix = 0;
        while (prefix < original.Length && prefix < mutated.Length && original[prefix] == mutated[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < original.Length - prefix && suffix < mutated.Length - prefix && original[^(suffix + 1)] == mutated[^(suffix + 1)])
            suffix++;
        var (siteStart, siteEnd, delta) = (prefix, original.Length - suffix, mutated.Length - original.Length);

        foreach (var edit in new ShrinkSites(tree).Find())
        {
            if (edit.Keep is var (start, end))
            {
                if (start <= siteStart && end >= siteEnd && (start, end) != (0, original.Length))
                    yield return new PairShrink(edit.Description, original[start..end], mutated[start..(end + delta)]);
                continue;
            }
            // Each deletion must lie wholly before or wholly after the site.
            if (edit.Deletions.Any(d => d.Start < siteEnd && d.End > siteStart || d.Start < siteStart && d.End > siteStart))
                continue;
            yield return new PairShrink(edit.Description, Delete(original, edit.Deletions, siteStart, 0), Delete(mutated, edit.Deletions, siteStart, delta));
        }
    }

    private static string Delete(string text, IReadOnlyList<(int Start, int End)> deletions, int siteStart, int delta)
    {
        var result = new StringBuilder(text);
        foreach (var (start, end) in deletions.OrderByDescending(d => d.Start))
        {
            var shift = start >= siteStart ? delta : 0;
            result.Remove(start + shift, end - start);
        }
        return result.ToString();
    }
}
