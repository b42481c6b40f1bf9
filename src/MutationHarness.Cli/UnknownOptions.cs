using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace MutationHarness.Cli;

/// <summary>A word that looks like an option but names none of the command's is a usage error naming the closest real
/// option, for every command (and a misspelled command names the closest command). Without this, System.CommandLine hands <c>--otu</c> to a command's file arguments and the
/// user reads "input not found: --otu". After <c>--</c> every word is an argument, as usual.</summary>
internal static partial class UnknownOptions
{
    [GeneratedRegex("^--?[A-Za-z][A-Za-z0-9_-]*(=.*)?$", RegexOptions.Singleline)]
    private static partial Regex OptionLike();

    /// <summary>Writes one error per unknown option or command (and the help hint) and returns true when there was any.</summary>
    public static bool Report(ParseResult parsed, TextWriter error)
    {
        if (parsed.Action is HelpAction)
            return false;
        var command = parsed.CommandResult;
        var path = CommandPath(command);
        if (command.Command.Subcommands.Count > 0 && parsed.UnmatchedTokens.FirstOrDefault() is { } verb && !verb.StartsWith('-'))
        {
            var near = Closest(verb, command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            error.WriteLine($"error: unknown command '{verb}'" + (near is null ? "" : $"; the closest is '{near}'"));
            error.WriteLine($"Run 'harness {path}--help' for the commands.");
            return true;
        }
        var unknown = Find(parsed);
        if (unknown.Count == 0)
            return false;
        foreach (var word in unknown)
        {
            var closest = Closest(word, Candidates(command));
            error.WriteLine($"error: unknown option '{word}' for 'harness {path.TrimEnd()}'" +
                (closest is null ? "" : $"; the closest is '{closest}'"));
        }
        error.WriteLine($"Run 'harness {path}--help' for the options.");
        return true;
    }

    /// <summary>The option-like words the parser did not take as an option or an option's value.</summary>
    internal static List<string> Find(ParseResult parsed)
    {
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            foreach (var option in result.Children.OfType<OptionResult>())
                optionValues.UnionWith(option.Tokens);
        }
        var unknown = new List<string>();
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
                break;
            if (token.Type == TokenType.Argument && !optionValues.Contains(token) && OptionLike().IsMatch(token.Value))
                unknown.Add(token.Value.Split('=')[0]);
        }
        return unknown;
    }

    /// <summary>Every name and alias the command accepts: its own options and the recursive ones above it (--help).</summary>
    private static IEnumerable<string> Candidates(CommandResult command)
    {
        for (SymbolResult? result = command; result is CommandResult level; result = result.Parent)
        {
            foreach (var option in level.Command.Options.Where(o => level == command || o.Recursive))
            {
                if (!option.Hidden)
                    yield return option.Name;
                foreach (var alias in option.Aliases)
                    yield return alias;
            }
        }
    }

    /// <summary>The candidate fewest edits away (a prefix of it counts as near), or null when none is near at all.</summary>
    internal static string? Closest(string word, IEnumerable<string> candidates)
    {
        var bare = word.TrimStart('-').ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var name = candidate.TrimStart('-').ToLowerInvariant();
            var distance = name.StartsWith(bare, StringComparison.Ordinal) && bare.Length >= 2 ? 1 : Edits(bare, name);
            if (distance < bestDistance || (distance == bestDistance && best is not null && candidate.Length > best.Length))
                (best, bestDistance) = (candidate, distance);
        }
        return bestDistance <= Math.Max(2, bare.Length / 2) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>"finetune start " for a subcommand, "" for the root.</summary>
    private static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? CommandPath(parent) + result.Command.Name + " " : "";
}
