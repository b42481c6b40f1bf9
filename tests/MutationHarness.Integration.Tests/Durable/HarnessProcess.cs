using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>The built harness run as its own process group (as a shell runs a job), so a test can signal the group as
/// Ctrl-C does, or kill it, and can find what it left behind in its private temporary folder.</summary>
internal sealed class HarnessProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private HarnessProcess(Process process, string temporary)
    {
        _process = process;
        Temporary = temporary;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_error) _error.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The harness's TMPDIR: its embedded servers' run directories are made here.</summary>
    public string Temporary { get; }

    public int Id => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Starts <c>harness</c> with the arguments in a new session and process group, with SIGINT handled by
    /// default even when the test runner was started in the background (which ignores SIGINT in its children).</summary>
    public static HarnessProcess Start(params string[] args)
    {
        var temporary = Directory.CreateTempSubdirectory("mh-harness-tmp-").FullName;
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in (string[])["env", "--default-signal=INT", "dotnet", SharedPaths.HarnessDll, .. args])
            start.ArgumentList.Add(arg);
        start.Environment["TMPDIR"] = temporary;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new HarnessProcess(process, temporary);
    }

    /// <summary>Runs the harness to its end.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var harness = Start(args);
        var exit = await harness.WaitAsync(TimeSpan.FromMinutes(3));
        return (exit, harness.Output, harness.Error);
    }

    /// <summary>Sends a signal to the harness's whole process group, as a terminal's Ctrl-C does.</summary>
    public void SignalGroup(int signal) => Assert.Equal(0, kill(-_process.Id, signal));

    /// <summary>Sends a signal to the harness process alone.</summary>
    public void Signal(int signal) => Assert.Equal(0, kill(_process.Id, signal));

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until the file has at least <paramref name="lines"/> whole lines (the harness is mid-run).</summary>
    public async Task WaitForLinesAsync(string file, int lines)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(file) || File.ReadAllBytes(file).Count(b => b == '\n') < lines)
        {
            Assert.False(_process.HasExited, $"the harness ended before writing {lines} lines: {Error}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"no {lines} lines after two minutes: {Error}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The embedded server (mariadbd) this harness runs now, waiting for it to be up.</summary>
    public int ServerProcess()
    {
        var clock = Stopwatch.StartNew();
        int? pid;
        while ((pid = ServerProcessOrNull()) is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "no embedded server found");
            Thread.Sleep(20);
        }
        return pid.Value;
    }

    /// <summary>The embedded server (mariadbd) this harness runs now, if any.</summary>
    public int? ServerProcessOrNull() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Read($"/proc/{pid}/comm").Trim() == "mariadbd" && Read($"/proc/{pid}/cmdline").Contains(Temporary, StringComparison.Ordinal))
            .Select(pid => (int?)pid)
            .FirstOrDefault();

    /// <summary>Sends a signal to one process.</summary>
    public static void Kill(int pid, int signal) => Assert.Equal(0, kill(pid, signal));

    /// <summary>Sends a signal to a process that may have ended meanwhile.</summary>
    public static void TryKill(int pid, int signal) => _ = kill(pid, signal);

    private static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>Processes still running whose command line names the harness's temporary folder (its servers).</summary>
    public IReadOnlyList<string> ProcessesLeft() =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => Read(Path.Combine(d, "cmdline")).Replace('\0', ' '))
            .Where(c => c.Contains(Temporary, StringComparison.Ordinal))
            .ToList();

    public void Dispose()
    {
        if (!_process.HasExited)
            kill(-_process.Id, 9);
        _process.Dispose();
        try { Directory.Delete(Temporary, recursive: true); }
        catch (IOException) { /* best effort */ }
    }

    public const int SigKill = 9;
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigStop = 19;
    public const int SigCont = 18;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
