using MutationHarness.Databases.Local;
using MutationHarness.Databases.Local.Versions;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;

namespace MutationHarness.Databases.Tests;

/// <summary><c>local:mariadb:&lt;version&gt;</c>: a Debian root provisioned once, its server run under chroot like the default one.</summary>
public sealed class VersionedMariaDbTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("10.5", "10.5.")]
    [InlineData("11.8", "11.8.")]
    public async Task A_version_is_provisioned_once_then_runs_a_throwaway_server_of_that_version(string version, string reported)
    {
        ServerAvailability.RequireMariaDbVersion(version);
        // Given the version's root (provisioned now if this machine has never run it)
        var release = MariaDbRelease.Find(version)!;
        var root = await ServerRoots.EnsureAsync(release, m => TestContext.Current.SendDiagnosticMessage(m), Token);
        Assert.Same(release, root.Release);
        Assert.StartsWith(reported, root.ServerVersion, StringComparison.Ordinal);
        Assert.True(root.Bytes > 100_000_000, $"a root with a server is hundreds of MB, not {root.Size}");
        Assert.Equal(root, await ServerRoots.EnsureAsync(release, null, Token));

        // When a target of that version starts
        var target = await QueryTargets.OpenAsync(TargetSpec.Parse("local:mariadb:" + version), new TargetOptions { Jobs = 2 }, Token);
        var local = Assert.IsType<LocalMariaDbTarget>(target);
        var (pid, runDirectory) = (local.ServerProcessId, local.RunDirectory);

        // Then it is that version, lives inside the root, and answers as the least-privilege reader
        Assert.Equal("local:mariadb:" + version, target.Name);
        Assert.Equal(ServerFlavor.MariaDb, target.Server.Flavor);
        Assert.StartsWith(reported, target.Server.Version, StringComparison.Ordinal);
        Assert.StartsWith(root.Directory + "/tmp/", runDirectory, StringComparison.Ordinal);
        var database = await target.LoadFixtureAsync(new Core.Fixtures.FixtureScript("t", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1), (2)"]), Token);
        var outcome = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(database, "SELECT a FROM t WHERE a > 1", TimeSpan.FromSeconds(5), Token));
        Assert.Equal("2", Assert.Single(outcome.Result.Rows).Cells[0]);

        // And disposing it stops the server and deletes its run directory
        await target.DisposeAsync();
        Assert.False(File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(runDirectory));
    }

    [Fact]
    public async Task A_version_no_Debian_suite_carries_says_where_else_to_run_it()
    {
        var ex = await Assert.ThrowsAsync<TargetStartException>(() => VersionedMariaDb.StartAsync("10.6", new TargetOptions(), Token));

        Assert.Contains("not in Debian", ex.Message, StringComparison.Ordinal);
        Assert.Contains("container:mariadb:10.6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_root_privileges_or_debootstrap_say_what_to_do()
    {
        var release = MariaDbRelease.Find("10.5")!;

        var notRoot = Assert.Throws<TargetStartException>(() => RootProvisioner.Preconditions(release, privileged: false, "/usr/sbin/debootstrap"));
        var noDebootstrap = Assert.Throws<TargetStartException>(() => RootProvisioner.Preconditions(release, privileged: true, debootstrap: null));

        Assert.Contains("root privileges", notRoot.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install debootstrap", noDebootstrap.Message, StringComparison.Ordinal);
        Assert.Equal("/usr/sbin/debootstrap", RootProvisioner.Preconditions(release, privileged: true, "/usr/sbin/debootstrap"));
    }

    [Fact]
    public async Task Removing_a_root_refuses_while_its_server_runs_and_deletes_it_otherwise()
    {
        // Given a roots directory of our own holding a (fake) 10.11 root with a live run directory
        var roots = Directory.CreateTempSubdirectory("mh-roots-").FullName;
        var previous = Environment.GetEnvironmentVariable(ServerRoots.DirectoryVariable);
        Environment.SetEnvironmentVariable(ServerRoots.DirectoryVariable, roots);
        try
        {
            var release = MariaDbRelease.Find("10.11")!;
            var run = Directory.CreateDirectory(Path.Combine(ServerRoots.PathOf(release), "tmp", LeftoverRunDirectories.Prefix + "live")).FullName;
            await File.WriteAllTextAsync(Path.Combine(run, LeftoverRunDirectories.PidFileName), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), Token);
            ServerRoots.WriteMarker(ServerRoots.PathOf(release), "10.11.0-MariaDB", 1);
            Assert.NotNull(ServerRoots.Find(release));

            // When it is removed while "its server" (this process) runs, then again once it has stopped
            var refused = await Assert.ThrowsAsync<TargetStartException>(() => ServerRoots.RemoveAsync(release, Token));
            File.Delete(Path.Combine(run, LeftoverRunDirectories.PidFileName));
            Directory.SetLastWriteTimeUtc(run, DateTime.UtcNow.AddHours(-1));
            var removed = await ServerRoots.RemoveAsync(release, Token);

            // Then the first is refused saying why, the second deletes it
            Assert.Contains("running", refused.Message, StringComparison.Ordinal);
            Assert.True(removed);
            Assert.False(Directory.Exists(ServerRoots.PathOf(release)));
            Assert.False(await ServerRoots.RemoveAsync(release, Token));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ServerRoots.DirectoryVariable, previous);
            Directory.Delete(roots, recursive: true);
        }
    }
}
