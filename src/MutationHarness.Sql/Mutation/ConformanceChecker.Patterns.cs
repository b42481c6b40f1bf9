using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Mutation;

/// <summary>RdM* checks (one changed pattern literal, per-character rule) and the partial-match search.</summary>
internal sealed partial class ConformanceChecker
{
    /// <summary>NoMatch when the change is not confined to this site's pattern literal; null when the rule holds; else why not.</summary>
    private string? CheckPattern(Site site)
    {
        var match = (MatchExpr)site.Target;
        if (LiteralValues.AsString(match.Pattern) is not { } literal)
        {
            return NoMatch;
        }

        int start = literal.NormStart, end = literal.NormEnd;
        var tail = normalOriginal.Length - end;
        if (prefix < start || suffix < tail || normalMutant.Length < start + tail)
        {
            return NoMatch;
        }

        var printed = normalMutant.AsSpan(start, normalMutant.Length - tail - start);
        var introducer = literal.Prefix?.ToLowerInvariant() ?? string.Empty;
        if (!printed.StartsWith(introducer, StringComparison.Ordinal) || printed.Length < introducer.Length + 2
            || printed[introducer.Length] != '\'' || printed[^1] != '\'')
        {
            return NoMatch;
        }

        var oldValue = LiteralValues.Of(original.Source, literal);
        var newValue = SqlStrings.Decode(printed[introducer.Length..]);
        if (SqlStrings.Encode(newValue).Length != printed.Length - introducer.Length)
        {
            return NoMatch;
        }

        return PatternRules.Violation(site.Strategy, oldValue, newValue, PatternRules.EscapeOf(match, original.Source));
    }

    /// <summary>A site of the strategy whose rewrite is in the mutant, next to another change.</summary>
    private Site? FindPartialMatch()
    {
        if (StrategyNames.IsRandom(strategy))
        {
            return null;
        }

        foreach (var site in sites!)
        {
            if (site.Strategy != strategy)
            {
                continue;
            }

            // The rewrite is there when what still differs lies wholly outside the rewritten span.
            var expected = NormalPrinter.Print(original, new Rewrite(site.Strategy, site.Target), false, out var span);
            var (head, tail) = CommonEnds(expected, normalMutant);
            if (span.End > span.Start && (expected.Length - tail <= span.Start || head >= span.End))
            {
                return site;
            }
        }

        return null;
    }
}
