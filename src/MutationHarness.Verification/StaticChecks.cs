using MutationHarness.Core.Pairs;
using MutationHarness.Core.Results;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Sql;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Verification;

/// <summary>The checks that need no server: readable, known strategy, read-only, conforming; then the direction.</summary>
internal sealed class StaticChecks(StrategyCatalog catalog)
{
    /// <summary>A plan to run, or the report of a record that must not be run.</summary>
    public (PairPlan? Plan, PairReport? Stopped) Check(InputRecord record)
    {
        if (record.Pair is not { } pair)
            return (null, Stop(record, null, Verdict.Rejected, record.Problem));
        if (string.IsNullOrWhiteSpace(pair.Strategy))
            return (null, Stop(record, null, Verdict.Rejected, "the record names no strategy"));
        if (catalog.Find(pair.Strategy) is not { } strategy)
            return (null, Stop(record, null, Verdict.Rejected, $"unknown strategy '{pair.Strategy}' (see strategies/ for the 18 names)"));

        // Nothing reaches a server unless both sides are a single read-only SELECT. A stopped record still
        // states the direction its strategy claims (from the record or the suffix: no site, so no walk).
        foreach (var (side, sql) in new[] { ("original", pair.Original), ("mutated", pair.Mutated) })
        {
            var guard = SqlGuard.Check(sql);
            if (!guard.IsAllowed)
                return (null, Stop(record, null, Verdict.Rejected, $"the {side} query is not a single read-only SELECT: {guard.Reason}", Direction(pair, strategy, null, [])));
        }

        var checkedPair = Conformance.Check(strategy.Name, pair.Original, pair.Mutated);
        var conformance = ToReport(checkedPair);
        if (!conformance.Conforms)
            return (null, Stop(record, conformance, Verdict.NonConforming, conformance.Reason, Direction(pair, strategy, null, [])));

        var notes = new List<string>();
        var expected = Direction(pair, strategy, conformance, notes);
        // A flagged pair has no meaningful relation: its violations are reported as unstable, never as bugs. (A site
        // with no expected relation at all, below an aggregate or a LIMIT, does not conform: it never gets here.)
        var flags = NonDeterminism.Find(pair.Original).Concat(NonDeterminism.Find(pair.Mutated))
            .Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyList<string> caveats = strategy.Name == "FixMRmUnionAllL" && NestedUnionRemoval.RemovesNestedBranch(pair.Original, pair.Mutated)
            ? [NestedUnionRemoval.Caveat] : [];
        return (new PairPlan(pair, strategy, expected, conformance, flags, notes) { Caveats = caveats }, null);
    }

    private static ExpectedDirection Direction(MutationPair pair, Strategy strategy, ConformanceReport? conformance, List<string> notes)
    {
        if (conformance?.IsUpper is { } walked)
        {
            if (pair.RecordedIsUpper is { } recorded && recorded != walked)
                notes.Add($"the record says isUpper={recorded.ToString().ToLowerInvariant()}, but the polarity walk gives {walked.ToString().ToLowerInvariant()}; the walk is used");
            return new ExpectedDirection(ExpectedRelations.FromIsUpper(walked), "polarity");
        }
        if (pair.RecordedIsUpper is { } fromRecord)
            return new ExpectedDirection(ExpectedRelations.FromIsUpper(fromRecord), "record");
        return new ExpectedDirection(ExpectedRelations.FromIsUpper(strategy.IsUpper), "strategy");
    }

    private static ConformanceReport ToReport(ConformanceResult result) =>
        new(result.Conforms, result.Site, result.IsUpper, result.Failure?.ToString(), result.Reason, result.OtherStrategy);

    private static PairReport Stop(InputRecord record, ConformanceReport? conformance, Verdict verdict, string? reason,
        ExpectedDirection? expected = null) =>
        new(record.Id, record.Source, record.Pair, verdict, reason, expected, conformance, [], [], []);
}
