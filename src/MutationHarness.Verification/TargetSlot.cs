using MutationHarness.Databases.Local;
using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>One target of a run, replaced by a fresh one from the same spec when its server is lost: an embedded server
/// is started again from the template, a connection-string server is reconnected to with back-off.</summary>
internal sealed class TargetSlot(string spec, OpenTarget first, Func<string, CancellationToken, Task<OpenTarget>> open)
{
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _replacing = new(1, 1);
    private TargetFailedException? _failure;

    /// <summary>The target in use now.</summary>
    public OpenTarget Current { get; private set; } = first;

    /// <summary>How many times it was replaced; a loss seen on an older generation was already dealt with.</summary>
    public int Generation { get; private set; }

    /// <summary>The error log tail of the last server lost, for the message when the run has to stop.</summary>
    public string? LastLogTail { get; private set; }

    /// <summary>Brings the target back after <paramref name="lost"/> was seen on <paramref name="generation"/>: nothing to
    /// do when another record already did, or when the server still answers (only a connection dropped).</summary>
    public async Task RecoverAsync(int generation, TargetLostException lost, RestartBudget budget, VerifyOptions options,
        Action<string> notice, CancellationToken cancellationToken)
    {
        await _replacing.WaitAsync(cancellationToken);
        try
        {
            if (_failure is not null)
                throw new TargetFailedException(_failure.Message, null, _failure);
            if (generation != Generation || await AnswersAsync(Current, cancellationToken))
                return;
            var dead = Current;
            var tail = LastLogTail = (dead.Target as LocalMariaDbTarget)?.ErrorLogTail();
            budget.Restarting(dead.Target.Name, lost, tail);
            await DisposeQuietlyAsync(dead);
            Current = dead.Target is ConnectionStringTarget
                ? await ReconnectAsync(dead.Target.Name, lost, options.Reconnect, notice, cancellationToken)
                : await RestartAsync(dead.Target.Name, lost, tail, budget, notice, cancellationToken);
            Generation++;
            notice($"{dead.Target.Name} was lost ({lost.Message}); {(dead.Target is ConnectionStringTarget ? "reconnected" : "started a new server")}, " +
                "and the records that were running on it run again");
        }
        catch (TargetFailedException e) when (_failure is null)
        {
            // Given up: every other record that meets the dead target stops the same way.
            _failure = e;
            throw;
        }
        finally
        {
            _replacing.Release();
        }
    }

    // A new server that fails to start (or dies while it is set up) counts as one more restart without progress.
    private async Task<OpenTarget> RestartAsync(string name, TargetLostException lost, string? tail, RestartBudget budget,
        Action<string> notice, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await open(spec, cancellationToken);
            }
            catch (Exception e) when (e is TargetStartException or TargetLostException or System.Data.Common.DbException or IOException)
            {
                LastLogTail = (e as TargetStartException)?.LogTail ?? tail;
                budget.Restarting(name, lost, LastLogTail);
                notice($"a new server for {name} did not come up ({e.Message.Split('\n')[0]}); trying again");
            }
        }
    }

    private async Task<OpenTarget> ReconnectAsync(string name, TargetLostException lost, TimeSpan budget, Action<string> notice, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var wait = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await open(spec, cancellationToken);
            }
            catch (Exception e) when (e is TargetStartException or TargetLostException or System.Data.Common.DbException)
            {
                if (clock.Elapsed + wait > budget)
                    throw new TargetFailedException($"{name} was lost ({lost.Message}) and could not be reached again within " +
                        $"{budget.TotalSeconds:0} s (--reconnect): {e.Message}", null, e);
                notice($"{name} is not reachable (attempt {attempt}); trying again in {wait.TotalSeconds:0} s");
                await Task.Delay(wait, cancellationToken);
                wait = TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds * 2, 10));
            }
        }
    }

    // A lost connection is not a lost server: a statement that still runs says which it was.
    private static async Task<bool> AnswersAsync(OpenTarget target, CancellationToken cancellationToken)
    {
        if (target.Databases.Count == 0)
            return false;
        try
        {
            return await target.Target.ExecuteAsync(target.Databases[0], "SELECT 1", ProbeDeadline, cancellationToken) is RowsOutcome;
        }
        catch (TargetLostException)
        {
            return false;
        }
    }

    public static async Task DisposeQuietlyAsync(OpenTarget target)
    {
        try
        {
            await target.Target.DisposeAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or TargetLostException)
        {
            // It is gone already; what it leaves behind is swept by the next run.
        }
    }
}

/// <summary>Counts server restarts since a record last finished: three in a row without progress stop the run.</summary>
internal sealed class RestartBudget
{
    public const int Limit = 3;
    private int _withoutProgress;

    /// <summary>A record finished: the server works.</summary>
    public void Progress() => Interlocked.Exchange(ref _withoutProgress, 0);

    public void Restarting(string target, TargetLostException lost, string? logTail)
    {
        if (Interlocked.Increment(ref _withoutProgress) > Limit)
            throw new TargetFailedException($"{target} was lost {Limit + 1} times in a row with no record finishing in between " +
                $"(last: {lost.Message}); stopping", logTail, lost);
    }
}
