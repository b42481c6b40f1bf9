using MutationHarness.Core.Results;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>Judges one pair's relation on one database: exact text first, and only when that finds a violation, again
/// under the rules of SEMANTICS §4 — string cells under their column's collation (the server decides equality), and for
/// a strategy that changes column types, numbers by value. A difference that vanishes there is no violation.</summary>
internal sealed class RelationJudge(IQueryTarget target, FixtureDatabase database, PairPlan plan, TimeSpan deadline)
{
    /// <summary>The one strategy whose dropped branch takes part in a result column's type.</summary>
    public const string TypeChangingStrategy = "FixMRmUnionAllL";

    private CellRules? _rules;
    private bool _described;

    public async Task<RelationOutcome> JudgeAsync(ResultSet original, ResultSet mutant, CancellationToken cancellationToken)
    {
        var exact = MultisetOracle.Compare(original, mutant, plan.Expected.Relation);
        if (exact.Holds || original.ColumnCount != mutant.ColumnCount)
            return exact;
        if (!_described)
        {
            _described = true;
            var originalColumns = await target.DescribeColumnsAsync(database, plan.Pair.Original, deadline, cancellationToken);
            var mutantColumns = await target.DescribeColumnsAsync(database, plan.Pair.Mutated, deadline, cancellationToken);
            if (originalColumns is not null && mutantColumns is not null && originalColumns.Count == mutantColumns.Count)
                _rules = CellRules.For(originalColumns, mutantColumns, plan.Strategy.Name == TypeChangingStrategy);
        }
        if (_rules is not { AnyLenient: true } rules)
            return exact;
        if (!original.AllRowsKept || !mutant.AllRowsKept)
            return exact with { Note = $"not compared under the columns' own rules ({rules.Describe()}): a side's text was past the text budget" };

        var classes = await ClassesAsync(rules, original, mutant, cancellationToken);
        if (classes is null)
            return exact with { Note = $"the server could not compare the cells under their collations ({rules.Describe()})" };
        var lenient = MultisetOracle.Compare(
            LenientKeys.Keyed(original, rules, classes),
            LenientKeys.Keyed(mutant, rules, classes), plan.Expected.Relation);
        return lenient.Holds
            ? lenient with { Note = $"the exact text differs, but the relation holds comparing {rules.Describe()}" }
            : exact;
    }

    private async Task<Dictionary<int, IReadOnlyDictionary<string, int>>?> ClassesAsync(
        CellRules rules, ResultSet original, ResultSet mutant, CancellationToken cancellationToken)
    {
        var classes = new Dictionary<int, IReadOnlyDictionary<string, int>>();
        for (var column = 0; column < rules.Rules.Count; column++)
        {
            if (rules.Rules[column] != CellRule.Collation)
                continue;
            var values = original.Rows.Concat(mutant.Rows).Select(r => r.Cells[column]).OfType<string>()
                .Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 0)
            {
                classes[column] = new Dictionary<string, int>();
                continue;
            }
            var ranks = await target.CollationClassesAsync(database, rules.Original[column], values, deadline, cancellationToken);
            if (ranks is null)
                return null;
            classes[column] = values.Select((v, i) => (v, ranks[i])).ToDictionary(p => p.v, p => p.Item2, StringComparer.Ordinal);
        }
        return classes;
    }
}
