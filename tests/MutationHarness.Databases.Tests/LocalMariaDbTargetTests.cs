using System.Diagnostics;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;

namespace MutationHarness.Databases.Tests;

/// <summary>Lifecycle of the embedded server; the only class that starts servers of its own (its tests run one at a time).</summary>
public sealed class LocalMariaDbTargetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cold_start_builds_the_template_and_a_warm_start_reuses_it()
    {
        ServerAvailability.RequireMariaDb();
        // Given an empty cache
        var cache = Directory.CreateTempSubdirectory("mh-cache-").FullName;
        var previous = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        try
        {
            // When a server starts twice
            LocalStartTimings cold, warm;
            await using (var first = await LocalMariaDbTarget.StartAsync(new TargetOptions(), Token))
                cold = first.StartTimings;
            await using (var second = await LocalMariaDbTarget.StartAsync(new TargetOptions(), Token))
                warm = second.StartTimings;

            // Then only the first built the template, and the second was faster
            TestContext.Current.SendDiagnosticMessage($"cold {cold}; warm {warm}");
            Assert.True(cold.TemplateCreated);
            Assert.False(warm.TemplateCreated);
            Assert.True(warm.Total < cold.Total, $"warm {warm.Total} should beat cold {cold.Total}");
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", previous);
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task The_server_process_and_its_directory_are_gone_after_dispose()
    {
        ServerAvailability.RequireMariaDb();
        var target = await LocalMariaDbTarget.StartAsync(new TargetOptions(), Token);
        var pid = target.ServerProcessId;
        var directory = target.RunDirectory;
        Assert.True(IsRunning(pid));
        Assert.Equal(ServerFlavor.MariaDb, target.Server.Flavor);

        await target.DisposeAsync();

        Assert.False(IsRunning(pid));
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task The_watchdog_stops_the_server_when_its_parent_dies_without_cleaning_up()
    {
        // Given a watchdog whose stdin comes from a process that will be SIGKILLed (standing in for the harness)
        var run = Directory.CreateTempSubdirectory("mh-watchdog-").FullName;
        var pidFile = Path.Combine(run, "server-process.pid");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("sleep 300 | /bin/sh -c \"$WATCHDOG\" watchdog /bin/sleep 301");
        start.Environment["WATCHDOG"] = ServerProcess.WatchdogScript;
        start.Environment["MH_SERVER_OUTPUT"] = Path.Combine(run, "out.log");
        start.Environment["MH_SERVER_PID"] = pidFile;
        start.Environment["MH_KILL_TICKS"] = "50";
        using var parent = Process.Start(start)!;
        var serverPid = await WaitForPidAsync(pidFile);
        Assert.True(IsRunning(serverPid));

        // When the pipe's writer dies abruptly
        var writer = Children(parent.Id).Select(int.Parse).Single(p => File.ReadAllText($"/proc/{p}/cmdline").StartsWith("sleep\0300", StringComparison.Ordinal));
        Process.GetProcessById(writer).Kill();

        // Then the "server" is stopped within moments
        var clock = Stopwatch.StartNew();
        while (IsRunning(serverPid) && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(50, Token);
        Assert.False(IsRunning(serverPid));
        await parent.WaitForExitAsync(Token);
        Directory.Delete(run, recursive: true);
    }

    [Fact]
    public async Task Local_mysql_says_what_to_install()
    {
        var ex = await Assert.ThrowsAsync<TargetStartException>(() => QueryTargets.OpenAsync(TargetSpec.Parse("local:mysql"), new TargetOptions(), Token));
        Assert.Contains("MySQL", ex.Message, StringComparison.Ordinal);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone (it may end between a look at /proc and the read: that race failed the test once)
        }
    }

    private static IEnumerable<string> Children(int pid) =>
        Directory.EnumerateDirectories("/proc/" + pid + "/task").SelectMany(t => File.ReadAllText(Path.Combine(t, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static async Task<int> WaitForPidAsync(string pidFile)
    {
        for (var i = 0; i < 200; i++)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile, Token), out var pid))
                return pid;
            await Task.Delay(25, Token);
        }
        throw new TimeoutException("The watchdog never wrote the server's pid.");
    }
}
