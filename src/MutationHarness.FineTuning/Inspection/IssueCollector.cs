namespace MutationHarness.FineTuning;

/// <summary>Counts issues by kind, keeping the first sites of each in file order.</summary>
internal sealed class IssueCollector
{
    private const int MaxSitesPerKind = 100;
    private readonly Dictionary<string, (int Count, List<IssueSite> Sites)> _byKind = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string kind, long line, string? detail = null)
    {
        if (!_byKind.TryGetValue(kind, out var entry))
        {
            entry = (0, []);
            _order.Add(kind);
        }
        if (entry.Sites.Count < MaxSitesPerKind)
            entry.Sites.Add(new IssueSite(line, detail));
        _byKind[kind] = (entry.Count + 1, entry.Sites);
    }

    public IReadOnlyList<FormatIssue> ToList() =>
        _order.Select(kind => new FormatIssue(kind, _byKind[kind].Count, _byKind[kind].Sites)).ToList();
}
