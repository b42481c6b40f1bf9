namespace MutationHarness.FineTuning;

/// <summary>Splits examples into train and validation, stratified by strategy × dbms, never putting one seed query on both sides.</summary>
internal static class SplitAssigner
{
    public static (List<PlannedExample> Train, List<PlannedExample> Validation) Split(IReadOnlyList<PlannedExample> examples, double fraction, int seed)
    {
        var cellSizes = examples.GroupBy(Cell).ToDictionary(g => g.Key, g => g.Count());
        // The validation target per cell, rounded half up; cells are filled up to it, never past it.
        var targets = cellSizes.ToDictionary(p => p.Key, p => (int)Math.Floor(p.Value * fraction + 0.5));
        var filled = cellSizes.ToDictionary(p => p.Key, _ => 0);
        var train = new List<PlannedExample>();
        var validation = new List<PlannedExample>();
        var groups = examples.GroupBy(e => e.NormalisedOriginal, StringComparer.Ordinal)
            .OrderBy(g => StableHash.Of(seed, "split", g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var needs = group.GroupBy(Cell).Select(c => (Cell: c.Key, Count: c.Count())).ToList();
            if (needs.All(n => filled[n.Cell] + n.Count <= targets[n.Cell]))
            {
                foreach (var (cell, count) in needs)
                    filled[cell] += count;
                validation.AddRange(group);
            }
            else
            {
                train.AddRange(group);
            }
        }
        return (Shuffle(train, seed), Shuffle(validation, seed));
    }

    private static (string Strategy, string Dbms) Cell(PlannedExample example) => (example.Candidate.Strategy, example.Candidate.Dbms);

    private static List<PlannedExample> Shuffle(List<PlannedExample> examples, int seed) =>
        examples.OrderBy(e => StableHash.Of(seed, "order", e.Candidate.Id)).ThenBy(e => e.InputIndex).ToList();
}
