using MutationHarness.Core.Chat;
using MutationHarness.Core.Strategies;

namespace MutationHarness.FineTuning;

/// <summary>Filters candidates by policy and instruction, removes duplicates and applies the balance caps.</summary>
internal sealed class CandidateSelector
{
    private readonly DatasetOptions _options;
    private readonly IReadOnlyDictionary<string, StrategyInstructions> _instructions;
    private readonly List<RejectedCandidate> _rejected = [];

    public CandidateSelector(DatasetOptions options, IReadOnlyDictionary<string, StrategyInstructions> instructions)
    {
        _options = options;
        _instructions = instructions;
    }

    public IReadOnlyList<RejectedCandidate> Rejected => _rejected;

    public List<PlannedExample> Select(IReadOnlyList<DatasetCandidate> candidates)
    {
        var unique = new List<PlannedExample>();
        var firstByKey = new Dictionary<(string, string, string, string), string>();
        for (var index = 0; index < candidates.Count; index++)
        {
            var candidate = candidates[index];
            if (!candidate.Passed)
                Reject(candidate, index, RejectionReasons.Policy, $"rejected by policy: {candidate.RejectReason ?? "no reason given"}");
            else if (!_instructions.TryGetValue(candidate.Strategy, out var instruction))
                Reject(candidate, index, RejectionReasons.NoInstruction, $"no instruction text for strategy {candidate.Strategy}");
            else if (string.IsNullOrWhiteSpace(candidate.Original) || string.IsNullOrWhiteSpace(candidate.Mutated))
                Reject(candidate, index, RejectionReasons.EmptySql, "the original or the mutated SQL is empty");
            else if (_options.RequireLabelVerified && candidate.LabelVerified != true)
                Reject(candidate, index, RejectionReasons.LabelNotVerified, LabelProvenance.Mismatch(candidate));
            else
            {
                var original = _options.Normalise(candidate.Original);
                var key = (candidate.Strategy, candidate.Dbms, original, _options.Normalise(candidate.Mutated));
                if (firstByKey.TryGetValue(key, out var firstId))
                {
                    Reject(candidate, index, RejectionReasons.Duplicate, $"duplicate of {firstId}");
                    continue;
                }
                firstByKey.Add(key, candidate.Id);
                var system = RolePrompt.SystemMessage(candidate.Dbms, instruction.For(_options.InstructionStyle));
                unique.Add(new PlannedExample(candidate, system, original, index));
            }
        }
        return ApplyCaps(unique);
    }

    private List<PlannedExample> ApplyCaps(List<PlannedExample> unique)
    {
        var kept = new List<PlannedExample>();
        foreach (var strategy in unique.GroupBy(e => e.Candidate.Strategy).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // With the dbms balanced, no dbms of a strategy keeps more than its smallest has.
            var balance = _options.BalanceDbms ? strategy.GroupBy(e => e.Candidate.Dbms).Min(g => g.Count()) : int.MaxValue;
            var cells = strategy.GroupBy(e => e.Candidate.Dbms)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(cell => new Queue<PlannedExample>(CapCell(cell.Key, strategy.Key, Preferred(cell), balance)))
                .ToList();
            // Round-robin over the dbms so a strategy cap keeps the dbms balanced.
            var cap = _options.MaxPerStrategy ?? int.MaxValue;
            var taken = 0;
            while (cells.Any(c => c.Count > 0))
            {
                foreach (var cell in cells.Where(c => c.Count > 0))
                {
                    var example = cell.Dequeue();
                    if (taken < cap)
                    {
                        kept.Add(example);
                        taken++;
                    }
                    else
                    {
                        Reject(example.Candidate, example.InputIndex, RejectionReasons.OverCap, $"over the cap of {cap} for strategy {strategy.Key}");
                    }
                }
            }
        }
        return kept;
    }

    private IEnumerable<PlannedExample> CapCell(string dbms, string strategy, List<PlannedExample> preferred, int balance)
    {
        var cap = Math.Min(_options.MaxPerStrategyPerDbms ?? int.MaxValue, balance);
        var why = cap == balance && cap < (_options.MaxPerStrategyPerDbms ?? int.MaxValue)
            ? $"over the dbms balance of {cap} for strategy {strategy} (its smallest dbms has {cap}) on {dbms}"
            : $"over the cap of {cap} for strategy {strategy} on {dbms}";
        foreach (var dropped in preferred.Skip(cap))
            Reject(dropped.Candidate, dropped.InputIndex, RejectionReasons.OverCap, why);
        return preferred.Take(cap);
    }

    private List<PlannedExample> Preferred(IEnumerable<PlannedExample> cell)
    {
        var seed = _options.Seed;
        var ordered = _options.PreferShort
            ? cell.OrderBy(e => e.Candidate.Original.Length + e.Candidate.Mutated.Length)
                .ThenBy(e => StableHash.Of(seed, "pick", e.Candidate.Id))
            : cell.OrderBy(e => StableHash.Of(seed, "pick", e.Candidate.Id));
        return ordered.ThenBy(e => e.InputIndex).ToList();
    }

    private void Reject(DatasetCandidate candidate, int index, string reason, string detail) =>
        _rejected.Add(new RejectedCandidate(candidate, reason, detail, index));
}
