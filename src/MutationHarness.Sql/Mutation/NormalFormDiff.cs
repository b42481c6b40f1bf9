using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Printing;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Mutation;

/// <summary>The reference view of one pair: both normal forms, where each node of the original landed in its
/// normal form, and the characters the two share at each end. A rule checks a site against it.</summary>
internal sealed class NormalFormDiff
{
    // The greedy diff may place an insertion a few characters off the site (e.g. "SELECT DISTINCT "), and a rewrite
    // may drop parentheses just outside its node, hence the slack around a node's span.
    private const int Slack = 16;

    public NormalFormDiff(SyntaxTree original, SyntaxTree mutant)
    {
        Original = original;
        NormalOriginal = NormalPrinter.Print(original, Spans);
        NormalMutant = NormalPrinter.Print(mutant);
        (Prefix, Suffix) = CommonEnds(NormalOriginal, NormalMutant);
    }

    public SyntaxTree Original { get; }

    /// <summary>Where each node of the original landed in <see cref="NormalOriginal"/>.</summary>
    public PrintedSpans Spans { get; } = new();

    public string NormalOriginal { get; }

    public string NormalMutant { get; }

    /// <summary>Characters equal at the start of both normal forms.</summary>
    public int Prefix { get; }

    /// <summary>Characters equal at the end of both normal forms (not overlapping the prefix).</summary>
    public int Suffix { get; }

    public bool NothingChanged => NormalOriginal == NormalMutant;

    /// <summary>True when the node's printed span, give or take the slack, holds everything that differs.</summary>
    public bool Covers(Node node) =>
        Spans.Of(node) is var (start, end) && start <= Prefix + Slack && NormalOriginal.Length - end <= Suffix + Slack;

    /// <summary>True when what differs begins near the start of the node's printed span.</summary>
    public bool BeginsAt(Node node) => Spans.Of(node) is var (start, _) && Math.Abs(Prefix - start) <= Slack;

    /// <summary>True when the original with this edit applied has the mutant's normal form.</summary>
    public bool IsMadeBy(SpanEdit edit) => !IsNoOp(edit) && NormalFormOf(edit) == NormalMutant;

    /// <summary>The normal form of the original with the edit applied, or null when that does not parse.</summary>
    public string? NormalFormOf(SpanEdit edit)
    {
        try
        {
            return NormalPrinter.Print(Parser.Parse(edit.ApplyTo(Original.Source)));
        }
        catch (SqlSyntaxError)
        {
            return null;
        }
    }

    public bool IsNoOp(SpanEdit edit) =>
        Original.Source.AsSpan(edit.Start, edit.End - edit.Start).SequenceEqual(edit.Replacement);

    public static (int Prefix, int Suffix) CommonEnds(string a, string b)
    {
        var limit = Math.Min(a.Length, b.Length);
        var prefix = a.AsSpan().CommonPrefixLength(b);
        var suffix = 0;
        while (suffix < limit - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        return (prefix, suffix);
    }
}
