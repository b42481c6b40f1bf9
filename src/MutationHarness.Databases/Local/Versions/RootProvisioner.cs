using System.Diagnostics;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local.Versions;

/// <summary>Builds a MariaDB root once: <c>debootstrap --variant=minbase</c> of the Debian suite that carries the series,
/// into a staging directory renamed into place when complete, under a lock so parallel harnesses build it once.</summary>
internal static class RootProvisioner
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    public static async Task<ServerRoot> ProvisionAsync(MariaDbRelease release, Action<string> log, CancellationToken cancellationToken)
    {
        var target = ServerRoots.TargetName(release);
        var debootstrap = Preconditions(release, Environment.IsPrivilegedProcess, ServerBinaries.Which("debootstrap"));
        System.IO.Directory.CreateDirectory(ServerRoots.Directory);
        await using var fileLock = await LockAsync(release, log, cancellationToken);
        if (ServerRoots.Find(release) is { } built)
            return built; // another harness built it while we waited

        var final = ServerRoots.PathOf(release);
        foreach (var stale in System.IO.Directory.EnumerateDirectories(ServerRoots.Directory, Path.GetFileName(final) + ".staging-*").Append(final))
        {
            if (System.IO.Directory.Exists(stale))
                RootTrees.DeleteTree(stale, killStragglers: true); // a build whose harness died: we hold the lock, no one else builds
        }

        var staging = $"{final}.staging-{Environment.ProcessId}";
        log($"provisioning {target}: debootstrap of {release.Source} with {string.Join(", ", release.Packages)} " +
            $"into {final}; about 400 MB, a minute or more, once.");
        var clock = Stopwatch.StartNew();
        try
        {
            await DebootstrapAsync(debootstrap, release, staging, log, cancellationToken);
            var binaries = await ServerBinaries.InRootAsync(staging, cancellationToken);
            var bytes = RootTrees.Size(staging);
            ServerRoots.WriteMarker(staging, binaries.Version, bytes);
            System.IO.Directory.Move(staging, final);
            log($"provisioned {target}: MariaDB {binaries.Version}, {ServerRoots.Megabytes(bytes)}, in {clock.Elapsed.TotalSeconds:0} s.");
        }
        catch
        {
            try
            {
                if (System.IO.Directory.Exists(staging))
                    RootTrees.DeleteTree(staging, killStragglers: true);
            }
            catch (Exception e) when (e is IOException or TargetStartException)
            {
                log($"could not delete {staging} ({e.Message}); the next provisioning deletes it.");
            }
            throw;
        }
        return ServerRoots.Find(release) ?? throw new TargetStartException(target, $"the root at {final} was built but cannot be read back.");
    }

    /// <summary>Why this machine cannot provision the release, as an exception that says what to do; else debootstrap's path.</summary>
    internal static string Preconditions(MariaDbRelease release, bool privileged, string? debootstrap)
    {
        var target = ServerRoots.TargetName(release);
        if (!release.Available)
            throw new TargetStartException(target, $"MariaDB {release.Version} is {release.Source}; " +
                $"local versions are {string.Join(", ", MariaDbRelease.All.Where(r => r.Available).Select(r => r.Version))}. " +
                $"Use container:mariadb:{release.Version} with a Docker engine, or a connection string.");
        if (!privileged)
            throw new TargetStartException(target, "provisioning and running another MariaDB version needs root privileges (debootstrap and chroot); " +
                "run the harness as root (or with sudo), or use container:mariadb:" + release.Version + " or a connection string.");
        return debootstrap
            ?? throw new TargetStartException(target, "debootstrap is not installed; install it ('apt-get install debootstrap' on Debian/Ubuntu) and run again.");
    }

    private static async Task<FileLock> LockAsync(MariaDbRelease release, Action<string> log, CancellationToken cancellationToken)
    {
        var path = ServerRoots.LockOf(release);
        try
        {
            return await FileLock.AcquireAsync(path, TimeSpan.Zero, cancellationToken);
        }
        catch (IOException)
        {
            log($"waiting for another harness that is provisioning {ServerRoots.TargetName(release)} …");
            return await FileLock.AcquireAsync(path, LockWait, cancellationToken);
        }
    }

    private static async Task DebootstrapAsync(string debootstrap, MariaDbRelease release, string staging, Action<string> log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(debootstrap) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--variant=minbase", "--include=" + string.Join(',', release.Packages), release.Suite!, staging, MariaDbRelease.Mirror })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new TargetStartException(ServerRoots.TargetName(release), "debootstrap could not be started.");
        var output = new OutputTail();
        var reading = Task.WhenAll(output.ReadAsync(process.StandardOutput, cancellationToken), output.ReadAsync(process.StandardError, cancellationToken));
        using var progress = new PeriodicTimer(ProgressEvery);
        var exited = process.WaitForExitAsync(cancellationToken);
        try
        {
            while (!exited.IsCompleted)
            {
                if (await Task.WhenAny(exited, progress.WaitForNextTickAsync(cancellationToken).AsTask()) != exited)
                    log($"  … {ServerRoots.Megabytes(System.IO.Directory.Exists(staging) ? RootTrees.Size(staging) : 0)} so far ({output.Last})");
            }
            await exited;
            await reading;
        }
        finally
        {
            // Cancelled or failed half-way: a debootstrap left running would keep writing into the staging directory.
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        if (process.ExitCode != 0)
            throw new TargetStartException(ServerRoots.TargetName(release), $"debootstrap failed (exit code {process.ExitCode}); is the Debian archive ({MariaDbRelease.Mirror}) reachable?",
                LocalServerArguments.CommandLine(debootstrap, start.ArgumentList), output.Tail);
    }

    /// <summary>The last lines a process wrote, for progress and error messages.</summary>
    private sealed class OutputTail
    {
        private readonly Queue<string> _lines = new();

        public string Last { get { lock (_lines) return _lines.LastOrDefault() ?? "starting"; } }

        public string Tail { get { lock (_lines) return string.Join('\n', _lines); } }

        public async Task ReadAsync(StreamReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lock (_lines)
                {
                    _lines.Enqueue(line);
                    if (_lines.Count > 20)
                        _lines.Dequeue();
                }
            }
        }
    }
}
