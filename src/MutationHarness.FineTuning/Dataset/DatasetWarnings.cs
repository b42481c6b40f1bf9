namespace MutationHarness.FineTuning;

/// <summary>What a user should know about a built dataset before training on it: thin strategies and cells,
/// a train file too small for the service, labels that name a dbms their pairs did not run on.</summary>
internal static class DatasetWarnings
{
    public static List<string> For(
        DatasetOptions options, IEnumerable<string> strategies, IReadOnlyList<DatasetCandidate> inputs,
        IReadOnlyList<PlannedExample> train, IReadOnlyList<PlannedExample> validation, IReadOnlyList<RejectedCandidate> rejected)
    {
        var warnings = new List<string>();
        var emitted = train.Concat(validation).ToList();
        var perStrategy = emitted.GroupBy(e => e.Candidate.Strategy).ToDictionary(g => g.Key, g => g.Count());
        // One line for all thin strategies: a corpus usually covers few of the 18.
        var thin = strategies.Concat(perStrategy.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(strategy => (Strategy: strategy, Count: perStrategy.GetValueOrDefault(strategy)))
            .Where(s => s.Count < options.MinPerStrategy)
            .ToList();
        if (thin.Count > 0)
            warnings.Add($"{thin.Count} strategies are below the floor of {options.MinPerStrategy} examples: " +
                string.Join(", ", thin.Select(s => $"{s.Strategy} has {s.Count} examples")));
        // The cells the input asked for (a strategy on a dbms label), held to their own floor.
        var perCell = emitted.GroupBy(e => (e.Candidate.Strategy, e.Candidate.Dbms)).ToDictionary(g => g.Key, g => g.Count());
        var thinCells = inputs.Select(c => (c.Strategy, c.Dbms)).Distinct()
            .Where(cell => strategies.Contains(cell.Strategy))
            .Select(cell => (Cell: cell, Count: perCell.GetValueOrDefault(cell)))
            .Where(c => c.Count < options.MinPerStrategyPerDbms)
            .OrderBy(c => c.Cell.Strategy, StringComparer.Ordinal).ThenBy(c => c.Cell.Dbms, StringComparer.Ordinal)
            .ToList();
        if (thinCells.Count > 0)
            warnings.Add($"{thinCells.Count} strategy × dbms cells are below the floor of {options.MinPerStrategyPerDbms} examples: " +
                string.Join(", ", thinCells.Select(c => $"{c.Cell.Strategy} on {c.Cell.Dbms} has {c.Count}")));
        if (train.Count < ChatFileInspector.MinExamples)
            warnings.Add($"the train file has {train.Count} examples; the service needs at least {ChatFileInspector.MinExamples}");
        warnings.AddRange(LabelProvenance.Warnings(emitted));
        if (LabelProvenance.Dropped(rejected) is { } dropped)
            warnings.Add(dropped);
        return warnings;
    }
}
