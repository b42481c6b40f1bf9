using System.Globalization;
using Docker.DotNet.Models;

namespace MutationHarness.Containers;

/// <summary>Removes the containers a harness started however it ends. Each carries a label naming its harness process
/// (machine, pid, the process's start time); when the process exits, even through <c>Environment.Exit</c> after a second
/// signal, its containers are removed; the containers of a harness that was killed outright are removed by the next
/// harness that starts a container on the same machine. Ryuk does the same when its image can be had.</summary>
internal static class ContainerJanitor
{
    /// <summary>The label naming the harness process that started a container.</summary>
    public const string OwnerLabel = "org.mutationharness.owner";

    private static readonly TimeSpan ExitBudget = TimeSpan.FromSeconds(15);
    private static readonly Lock Gate = new();
    private static bool s_hooked;
    private static bool s_swept;

    /// <summary>This process's owner value: <c>machine/pid/start</c>.</summary>
    public static string Owner { get; } = OwnerOf(Environment.ProcessId) ?? $"{Environment.MachineName}/{Environment.ProcessId}/0";

    /// <summary>The owner value of a live process on this machine, or null when it does not run.</summary>
    internal static string? OwnerOf(int processId)
    {
        try
        {
            // Field 22 of /proc/<pid>/stat (counted after the command name, which may hold spaces) is the start time:
            // a pid reused by a later process does not pass for the harness that died.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{Environment.MachineName}/{processId}/{fields[19]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Once per process, before its first container: removes containers left by dead harnesses on this machine
    /// (saying so), and hooks process exit to remove this one's.</summary>
    public static async Task PrepareAsync(DockerEngine engine, Action<string> log, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (!s_hooked)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveOwnAtExit();
                s_hooked = true;
            }
            if (s_swept)
                return;
            s_swept = true;
        }
        await SweepAsync(engine, log, cancellationToken);
    }

    /// <summary>Removes the containers of harness processes on this machine that no longer run, saying so.</summary>
    internal static async Task SweepAsync(DockerEngine engine, Action<string> log, CancellationToken cancellationToken)
    {
        foreach (var container in await ListAsync(engine, OwnerLabel, cancellationToken))
        {
            var owner = container.Labels[OwnerLabel];
            var parts = owner.Split('/');
            if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
                || OwnerOf(pid) == owner)
                continue; // another machine's, or a harness that still runs
            await RemoveAsync(engine, container.ID, cancellationToken);
            log($"removed container {container.ID[..12]} ({container.Image}), left by harness process {pid}, which no longer runs.");
        }
    }

    /// <summary>The containers of one owner (this process by default) that still exist.</summary>
    public static async Task<IReadOnlyList<ContainerListResponse>> OwnedAsync(DockerEngine engine, string? owner, CancellationToken cancellationToken) =>
        (await ListAsync(engine, $"{OwnerLabel}={owner ?? Owner}", cancellationToken)).ToList();

    private static void RemoveOwnAtExit()
    {
        try
        {
            Task.Run(async () =>
            {
                using var budget = new CancellationTokenSource(ExitBudget);
                using var engine = await DockerEngine.ConnectAsync(budget.Token);
                foreach (var container in await OwnedAsync(engine, null, budget.Token))
                    await RemoveAsync(engine, container.ID, budget.Token);
            }).Wait(ExitBudget);
        }
        catch (Exception e) when (e is AggregateException or EngineUnavailableException or OperationCanceledException)
        {
            Console.Error.WriteLine($"harness: could not remove this run's containers at exit ({e.GetBaseException().Message}); " +
                "the next harness that starts a container removes them.");
        }
    }

    private static async Task<IList<ContainerListResponse>> ListAsync(DockerEngine engine, string labelFilter, CancellationToken cancellationToken) =>
        await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [labelFilter] = true } },
        }, cancellationToken);

    private static async Task RemoveAsync(DockerEngine engine, string id, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken);
        }
        catch (Docker.DotNet.DockerContainerNotFoundException)
        {
            // removed meanwhile (by its own disposal, or Ryuk)
        }
    }
}
