using System.Diagnostics;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Results;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Benchmarks;

/// <summary>Peak resident memory of this process (the harness; the server is another process) for one huge result
/// and for a long run of generated pairs. Prints figures; asserts nothing.</summary>
public static class MemoryBenchmark
{
    public static async Task RunAsync(TextWriter output, int pairCount, int jobs, CancellationToken cancellationToken)
    {
        await using var target = await LocalMariaDbTarget.StartAsync(new TargetOptions { Jobs = jobs }, cancellationToken);
        output.WriteLine($"memory: peak resident set of the harness process, on {target.Server.Flavor} {target.Server.Version}, {jobs} jobs");
        await HugeResultAsync(output, target, cancellationToken);
        await ManyPairsAsync(output, target, pairCount, jobs, cancellationToken);
    }

    private static async Task HugeResultAsync(TextWriter output, IQueryTarget target, CancellationToken cancellationToken)
    {
        // One pair whose sides each return 1,000,000 distinct rows of about 2 kB (2 GB of cell text per side).
        const string Seed = "SELECT seq, REPEAT('x', 2000) FROM seq_1_to_1000000 WHERE seq > 0";
        const string Mutant = "SELECT seq, REPEAT('x', 2000) FROM seq_1_to_1000000 WHERE 1";
        var record = InputRecord.Read(new MutationPair("huge", new SourceLocation("generated", 1), "FixMWhere1U", Seed, Mutant, "mariadb", null, []));
        var limitsRaised = ResultLimits.Default with { MaxBytes = 4L << 30 };
        foreach (var (label, limits) in new[] { ("limits raised to 4 GiB (the whole result streams)", limitsRaised), ("default limits (1,000,000 rows, 1 GiB)", ResultLimits.Default) })
        {
            var options = new VerifyOptions { Jobs = 1, Reruns = 0, StatementTimeout = TimeSpan.FromMinutes(10), ResultLimits = limits };
            await using var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken);
            GC.Collect();
            var before = ResetPeak();
            var clock = Stopwatch.StartNew();
            var report = await verifier.VerifyAsync(record, cancellationToken);
            var side = report.Targets[0].Databases[0].Original!;
            output.WriteLine($"  one pair, 1,000,000 rows of 2 kB per side, {label}: {report.Verdict.Name()} " +
                $"({side.Rows:N0} rows, {side.Bytes / 1e6:N0} MB read on the original side) in {clock.Elapsed.TotalSeconds:N1} s; " +
                $"peak RSS {Peak() / 1e6:N0} MB (before {before / 1e6:N0} MB)");
        }
    }

    private static async Task ManyPairsAsync(TextWriter output, IQueryTarget target, int pairCount, int jobs, CancellationToken cancellationToken)
    {
        var options = new VerifyOptions { Jobs = jobs, Reruns = 3 };
        await using var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken);
        GC.Collect();
        var before = ResetPeak();
        var clock = Stopwatch.StartNew();
        var verdicts = new Dictionary<Verdict, int>();
        var done = 0;
        var checkpoint = Math.Max(1, pairCount / 5);
        await foreach (var report in verifier.VerifyAllAsync(Streamed(pairCount), cancellationToken))
        {
            verdicts[report.Verdict] = verdicts.GetValueOrDefault(report.Verdict) + 1;
            if (++done % checkpoint == 0)
                output.WriteLine($"  {done,9:N0} pairs: {clock.Elapsed.TotalSeconds,6:N0} s, peak RSS so far {Peak() / 1e6:N0} MB, now {Current() / 1e6:N0} MB");
        }
        output.WriteLine($"  {pairCount:N0} generated pairs streamed through verify in {clock.Elapsed.TotalSeconds:N0} s " +
            $"({pairCount / clock.Elapsed.TotalSeconds:N0} pairs/s): peak RSS {Peak() / 1e6:N0} MB (before {before / 1e6:N0} MB); " +
            $"verdicts {string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Value} {v.Key.Name()}"))}");
    }

    private static async IAsyncEnumerable<InputRecord> Streamed(int count)
    {
        foreach (var record in VerifyBenchmark.GeneratePairs(count))
            yield return record;
        await Task.CompletedTask;
    }

    /// <summary>Resets the kernel's high-water mark of this process (Linux: 5 to clear_refs) and returns the current RSS.</summary>
    internal static long ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { /* not Linux, or not allowed: the peak then covers the whole process */ }
        catch (UnauthorizedAccessException) { }
        return Current();
    }

    internal static long Peak() => Status("VmHWM:");

    internal static long Current() => Status("VmRSS:");

    private static long Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
