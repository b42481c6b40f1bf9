using System.Text.RegularExpressions;

namespace MutationHarness.Sql.Tests;

/// <summary>Spoils a mutant with one more change away from the site: a numeric literal that also appears in the seed.</summary>
public static partial class ExtraChange
{
    [GeneratedRegex(@"(?<![\w.`'])(12\.991|1\.009|9\.183|0\.0001)(?![\w.])")]
    private static partial Regex DistinctiveNumber();

    public static string? Apply(string mutant, string seed)
    {
        // Change the last distinctive number in the mutant; the strategies never touch numbers.
        var matches = DistinctiveNumber().Matches(mutant);
        if (matches.Count == 0)
        {
            return null;
        }

        var last = matches[^1];
        return string.Concat(mutant.AsSpan(0, last.Index), "77.5", mutant.AsSpan(last.Index + last.Length));
    }
}
