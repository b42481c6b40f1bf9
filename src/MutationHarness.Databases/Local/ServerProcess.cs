using System.Diagnostics;
using System.Globalization;

namespace MutationHarness.Databases.Local;

/// <summary>A server process tied to the harness's lifetime: it is stopped when the harness disposes it or dies, however it dies.</summary>
/// <remarks>
/// .NET cannot set PR_SET_PDEATHSIG on a child, so the server runs under a tiny shell watchdog whose stdin is a pipe
/// from the harness. The kernel closes that pipe when the harness exits, even on SIGKILL; the watchdog then sends the
/// server SIGTERM, and SIGKILL if it has not stopped within <see cref="KillAfter"/>.
/// </remarks>
internal sealed class ServerProcess : IAsyncDisposable
{
    internal const string WatchdogScript = """
        exec 3<&0
        "$@" </dev/null >>"$MH_SERVER_OUTPUT" 2>&1 &
        server=$!
        echo "$server" >"$MH_SERVER_PID"
        (
          while read -r _ <&3; do :; done
          kill -TERM "$server" 2>/dev/null
          n=0
          while kill -0 "$server" 2>/dev/null; do
            n=$((n+1))
            if [ "$n" -ge "$MH_KILL_TICKS" ]; then kill -KILL "$server" 2>/dev/null; break; fi
            sleep 0.1
          done
        ) </dev/null >/dev/null 2>&1 &
        exec 3<&-
        wait "$server"
        """;

    private const string Setsid = "/usr/bin/setsid";
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(20);
    private readonly Process _watchdog;
    private int _disposed;

    private ServerProcess(Process watchdog, int serverProcessId, string commandLine)
    {
        _watchdog = watchdog;
        ServerProcessId = serverProcessId;
        CommandLine = commandLine;
    }

    /// <summary>The server's own process id (not the watchdog's).</summary>
    public int ServerProcessId { get; }

    public string CommandLine { get; }

    /// <summary>True once the server has stopped (the watchdog exits with it).</summary>
    public bool HasExited => _watchdog.HasExited;

    public int? ExitCode => _watchdog.HasExited ? _watchdog.ExitCode : null;

    public static async Task<ServerProcess> StartAsync(string program, IReadOnlyList<string> arguments, string runDirectory, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(runDirectory, LeftoverRunDirectories.PidFileName);
        // In a session of its own when setsid is there: a Ctrl-C or a signal to the harness's process group must not
        // reach the server, which has records in flight to finish; the harness stops it itself.
        var ownSession = File.Exists(Setsid);
        var start = new ProcessStartInfo(ownSession ? Setsid : "/bin/sh")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (ownSession)
            start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(WatchdogScript);
        start.ArgumentList.Add("mutationharness-watchdog");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["MH_SERVER_OUTPUT"] = Path.Combine(runDirectory, "server-output.log");
        start.Environment["MH_SERVER_PID"] = pidFile;
        start.Environment["MH_KILL_TICKS"] = ((int) (KillAfter.TotalSeconds * 10)).ToString(CultureInfo.InvariantCulture);

        var watchdog = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh could not be started.");
        var pid = 0;
        for (var i = 0; i < 500 && pid == 0; i++)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile, cancellationToken), CultureInfo.InvariantCulture, out var read))
                pid = read;
            else
                await Task.Delay(5, cancellationToken);
        }
        return new ServerProcess(watchdog, pid, LocalServerArguments.CommandLine(program, arguments));
    }

    /// <summary>Stops the server (SIGTERM through the watchdog, SIGKILL after a grace period) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            if (!_watchdog.HasExited)
            {
                _watchdog.StandardInput.Close();
                using var wait = new CancellationTokenSource(KillAfter + TimeSpan.FromSeconds(5));
                try
                {
                    await _watchdog.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    _watchdog.Kill(entireProcessTree: true);
                    await _watchdog.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        finally
        {
            _watchdog.Dispose();
        }
    }
}
