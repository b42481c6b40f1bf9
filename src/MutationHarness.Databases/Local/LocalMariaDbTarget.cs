using System.Diagnostics;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Execution;
using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local;

/// <summary>A throwaway MariaDB started from this machine's <c>mariadbd</c> (<c>local:mariadb</c>), stopped when disposed or when the harness dies.</summary>
public sealed class LocalMariaDbTarget : DelegatingQueryTarget
{
    private readonly MySqlQueryTarget _core;
    private readonly ServerProcess _process;

    private LocalMariaDbTarget(MySqlQueryTarget core, ServerProcess process, string runDirectory, string rootConnectionString, LocalStartTimings timings)
        : base(core)
    {
        _core = core;
        _process = process;
        RunDirectory = runDirectory;
        RootConnectionString = rootConnectionString;
        StartTimings = timings;
    }

    /// <summary>A connection string for the read-only account (no database chosen), e.g. for a bare-loop baseline.</summary>
    public string ReaderConnectionString => _core.Accounts.Reader;

    /// <summary>The server's process id, so tests can check it is gone after disposal.</summary>
    public int ServerProcessId => _process.ServerProcessId;

    /// <summary>The temporary directory holding the data directory, the socket and <c>error.log</c>.</summary>
    public string RunDirectory { get; }

    /// <summary>The server's error log.</summary>
    public string ErrorLogPath => LocalServerArguments.ErrorLogPath(RunDirectory);

    /// <summary>The last lines of the server's error log, for a message saying why it stopped.</summary>
    public string ErrorLogTail() => LogTail.OfFile(ErrorLogPath);

    /// <summary>How long the start took, and whether it had to build the data-directory template.</summary>
    public LocalStartTimings StartTimings { get; }

    internal string LoaderConnectionString => _core.Accounts.Loader;

    /// <summary>This run's id: the accounts and databases it makes all carry it.</summary>
    internal string RunId => _core.Accounts.Names.RunId;

    /// <summary>Root over the private socket, with the random password set at start (held in memory only).</summary>
    internal string RootConnectionString { get; }

    /// <summary>Starts a throwaway MariaDB with its accounts ready and its sessions pinned.</summary>
    public static async Task<LocalMariaDbTarget> StartAsync(TargetOptions options, CancellationToken cancellationToken) =>
        await StartAsync(await LocalInstallation.MachineAsync(cancellationToken), options, cancellationToken);

    /// <summary>Starts a throwaway server of the given installation: the machine's own, or a provisioned root.</summary>
    internal static async Task<LocalMariaDbTarget> StartAsync(LocalInstallation installation, TargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var total = Stopwatch.StartNew();

        var step = Stopwatch.StartNew();
        var (template, created) = await DataDirectoryTemplate.EnsureAsync(installation, options.StartTimeout, cancellationToken);
        var templateTime = step.Elapsed;

        LeftoverRunDirectories.Sweep(installation.RunParent);
        // Created 0700: it holds the server's socket, the only way into the server.
        var runDirectory = RunDirectories.Create(installation.RunParent);
        ServerProcess? process = null;
        try
        {
            step.Restart();
            var dataDirectory = Path.Combine(runDirectory, "data");
            DataDirectoryTemplate.CopyTo(template, dataDirectory);
            Directory.CreateDirectory(Path.Combine(runDirectory, "tmp"));
            var copyTime = step.Elapsed;

            step.Restart();
            process = await LocalServerLauncher.LaunchAsync(installation, runDirectory, dataDirectory, options.StartTimeout, cancellationToken);
            var readyTime = step.Elapsed;

            var (accounts, root) = await LocalAccounts.CreateAsync(LocalServerArguments.SocketPath(runDirectory), cancellationToken);
            var server = await FlavorDetector.DetectAsync(accounts.Reader, cancellationToken);
            // Only tests point a connection-string target at this server; its sweep must see this run as alive.
            var presence = await RunPresence.TakeAsync(accounts.Admin!, accounts.Names, cancellationToken);
            var timings = new LocalStartTimings(created, templateTime, copyTime, readyTime, total.Elapsed);
            var stoppable = process;
            var core = new MySqlQueryTarget(installation.TargetName, server, accounts, options, [], async () =>
            {
                await presence.DisposeAsync();
                await StopAsync(stoppable, runDirectory, options.KeepDataDirectory);
            });
            return new LocalMariaDbTarget(core, process, runDirectory, root, timings);
        }
        catch
        {
            await StopAsync(process, runDirectory, options.KeepDataDirectory);
            throw;
        }
    }

    /// <summary>Starts a local server of the given flavour (only MariaDB today; the others say what to install or use instead).</summary>
    internal static async Task<IQueryTarget> StartAsync(ServerFlavor flavor, TargetOptions options, CancellationToken cancellationToken)
    {
        if (flavor != ServerFlavor.MariaDb)
            await ServerBinaries.FindAsync(flavor, cancellationToken); // throws a TargetStartException that says what to do
        return await StartAsync(options, cancellationToken);
    }

    private static async ValueTask StopAsync(ServerProcess? process, string runDirectory, bool keep)
    {
        if (process is not null)
            await process.DisposeAsync();
        if (keep)
            await File.WriteAllTextAsync(Path.Combine(runDirectory, LeftoverRunDirectories.KeptMarker), "kept on request; delete by hand\n");
        else
        {
            try
            {
                Directory.Delete(runDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is not worth failing a run for.
            }
        }
    }
}
