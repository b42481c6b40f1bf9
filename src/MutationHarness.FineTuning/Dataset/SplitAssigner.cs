namespace MutationHarness.FineTuning;

/// <summary>
/// Splits examples into train and validation, never putting one seed query on both sides. Each
/// strategy × dbms cell holds out its share (rounded half up); then every strategy with at least
/// two seed queries holds out at least one seed, so validation covers every strategy it can, and a
/// strategy always keeps an example for training. What could not be covered is said in warnings.
/// </summary>
internal static class SplitAssigner
{
    public static SplitResult Split(IReadOnlyList<PlannedExample> examples, double fraction, int seed)
    {
        var state = new SplitState(examples, fraction);
        var groups = examples.GroupBy(e => e.NormalisedOriginal, StringComparer.Ordinal)
            .OrderBy(g => StableHash.Of(seed, "split", g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        var validation = new HashSet<List<PlannedExample>>();
        // First the stratified share of every cell, then at least one seed of every strategy that can spare one.
        foreach (var group in groups.Where(state.FitsCells))
            validation.Add(state.Take(group));
        if (fraction > 0)
        {
            foreach (var strategy in state.Strategies.Where(state.Uncovered))
            {
                if (groups.FirstOrDefault(g => !validation.Contains(g) && g.Any(e => e.Candidate.Strategy == strategy) && state.FitsCoverage(g)) is { } group)
                    validation.Add(state.Take(group));
            }
        }
        var train = groups.Where(g => !validation.Contains(g)).SelectMany(g => g).ToList();
        var held = validation.SelectMany(g => g).ToList();
        return new SplitResult(Shuffle(train, seed), Shuffle(held, seed), state.Warnings(held));
    }

    private static List<PlannedExample> Shuffle(List<PlannedExample> examples, int seed) =>
        examples.OrderBy(e => StableHash.Of(seed, "order", e.Candidate.Id)).ThenBy(e => e.InputIndex).ToList();

    /// <summary>Counts per cell and per strategy: what each holds, what it should hold out, what it has held out.</summary>
    private sealed class SplitState
    {
        private readonly double _fraction;
        private readonly Dictionary<(string, string), int> _cellTargets;
        private readonly Dictionary<(string, string), int> _cellFilled;
        private readonly Dictionary<string, int> _sizes;
        private readonly Dictionary<string, int> _seeds;
        private readonly Dictionary<string, int> _filled;

        public SplitState(IReadOnlyList<PlannedExample> examples, double fraction)
        {
            _fraction = fraction;
            _cellTargets = examples.GroupBy(Cell).ToDictionary(g => g.Key, g => (int)Math.Floor(g.Count() * fraction + 0.5));
            _cellFilled = _cellTargets.ToDictionary(p => p.Key, _ => 0);
            _sizes = examples.GroupBy(e => e.Candidate.Strategy).ToDictionary(g => g.Key, g => g.Count());
            _seeds = examples.GroupBy(e => e.Candidate.Strategy)
                .ToDictionary(g => g.Key, g => g.Select(e => e.NormalisedOriginal).Distinct(StringComparer.Ordinal).Count());
            _filled = _sizes.ToDictionary(p => p.Key, _ => 0);
        }

        public IEnumerable<string> Strategies => _sizes.Keys.Order(StringComparer.Ordinal);

        public bool Uncovered(string strategy) => _filled[strategy] == 0 && _seeds[strategy] >= 2;

        public bool FitsCells(List<PlannedExample> group) =>
            group.GroupBy(Cell).All(c => _cellFilled[c.Key] + c.Count() <= _cellTargets[c.Key]) && KeepsTraining(group);

        // A seed held out for coverage may not push another strategy past its share.
        public bool FitsCoverage(List<PlannedExample> group) =>
            KeepsTraining(group) && group.GroupBy(e => e.Candidate.Strategy).All(s =>
                _filled[s.Key] == 0 || _filled[s.Key] + s.Count() <= Math.Max(1, (int)Math.Floor(_sizes[s.Key] * _fraction + 0.5)));

        public List<PlannedExample> Take(List<PlannedExample> group)
        {
            foreach (var example in group)
            {
                _cellFilled[Cell(example)]++;
                _filled[example.Candidate.Strategy]++;
            }
            return group;
        }

        public List<string> Warnings(List<PlannedExample> validation)
        {
            if (_fraction <= 0 || _sizes.Count == 0)
                return [];
            var uncovered = Strategies.Where(s => _filled[s] == 0).ToList();
            if (uncovered.Count == 0)
                return [];
            var reasons = uncovered.Select(s => _seeds[s] < 2
                ? $"{s} ({_seeds[s]} seed query: kept for training)"
                : $"{s} (its {_seeds[s]} seed queries also serve other strategies whose share is full)");
            var warning = validation.Count == 0
                ? $"VALIDATION IS EMPTY: validation.jsonl has no example, since no strategy could hold a seed query out: {string.Join(", ", reasons)}. Add pairs (at least 2 seed queries per strategy), or pass --validation-fraction 0 to train without one."
                : $"validation covers {_sizes.Count - uncovered.Count} of {_sizes.Count} strategies; none of {string.Join(", ", reasons)}.";
            return [warning];
        }

        // A strategy never gives its last examples to validation.
        private bool KeepsTraining(List<PlannedExample> group) =>
            group.GroupBy(e => e.Candidate.Strategy).All(s => _filled[s.Key] + s.Count() < _sizes[s.Key]);

        private static (string Strategy, string Dbms) Cell(PlannedExample example) => (example.Candidate.Strategy, example.Candidate.Dbms);
    }
}

/// <summary>The split: train and validation examples in their file order, and what validation could not cover.</summary>
internal sealed record SplitResult(List<PlannedExample> Train, List<PlannedExample> Validation, List<string> Warnings);
