using System.Diagnostics;
using MutationHarness.Databases.Local;

namespace MutationHarness.Databases.Tests;

public sealed class LeftoverRunDirectoriesTests
{
    private static string RunDirectory(string parent, string name, int? pid, bool kept = false)
    {
        var directory = Directory.CreateDirectory(Path.Combine(parent, LeftoverRunDirectories.Prefix + name)).FullName;
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        if (pid is { } id)
            File.WriteAllText(Path.Combine(directory, LeftoverRunDirectories.PidFileName), id + "\n");
        if (kept)
            File.WriteAllText(Path.Combine(directory, LeftoverRunDirectories.KeptMarker), "kept");
        return directory;
    }

    [Fact]
    public async Task Only_directories_whose_server_is_gone_and_that_no_one_kept_are_swept()
    {
        // Given a process that has exited, standing in for a server the watchdog stopped after its harness was killed
        using var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await exited.WaitForExitAsync(TestContext.Current.CancellationToken);
        var parent = Directory.CreateTempSubdirectory("sweep").FullName;
        var dead = RunDirectory(parent, "dead", exited.Id);
        var running = RunDirectory(parent, "running", Environment.ProcessId);
        var kept = RunDirectory(parent, "kept", exited.Id, kept: true);
        var starting = RunDirectory(parent, "starting", null);

        // When swept
        var swept = LeftoverRunDirectories.Sweep(parent);

        // Then only the dead server's directory is gone
        Assert.Equal(1, swept);
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(running));
        Assert.True(Directory.Exists(kept));
        Assert.True(Directory.Exists(starting));
    }
}
