using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Cli.Commands;

/// <summary>Without a report file, which records failed would be lost: keeps the first few failing records (id,
/// verdict, one-line reason) and counts the rest, to print after the summary.</summary>
internal sealed class FailingRecords
{
    private const int Shown = 20;
    private const int ReasonWidth = 140;
    private readonly List<(string Id, Verdict Verdict, string Reason)> _first = [];
    private int _count;

    public void Add(PairReport report)
    {
        if (report.Verdict == Verdict.Verified)
            return;
        _count++;
        if (_first.Count < Shown)
            _first.Add((report.Id, report.Verdict, OneLine(report.Reason ?? "")));
    }

    public void Print(TextWriter output)
    {
        if (_count == 0)
            return;
        output.WriteLine($"not verified ({_count:N0}; --out FILE keeps every record's full report):");
        var width = _first.Max(f => f.Id.Length);
        foreach (var (id, verdict, reason) in _first)
            output.WriteLine($"  {id.PadRight(width)}  {verdict.Name(),-17}  {reason}");
        if (_count > _first.Count)
            output.WriteLine($"  … and {_count - _first.Count:N0} more");
    }

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= ReasonWidth ? line : line[..(ReasonWidth - 1)] + "…";
    }
}
