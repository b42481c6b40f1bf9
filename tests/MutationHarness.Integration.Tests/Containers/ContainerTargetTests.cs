using System.Text.Json.Nodes;
using MutationHarness.Cli.Commands;
using MutationHarness.Containers;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Integration.Tests.Durable;
using MutationHarness.Suites;
using MutationHarness.Tests;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests.Containers;

/// <summary>One at a time: each starts a MariaDB container, and counts the containers its harness owns.</summary>
[CollectionDefinition(Name)]
public sealed class ContainerCollection
{
    public const string Name = "containers";
}

/// <summary><c>container:mariadb:11.8</c> for real, on the image built here from Debian's 11.8 (no registry): verdicts beside
/// <c>local:mariadb</c>, and no container left behind however the run ends.</summary>
[Collection(ContainerCollection.Name)]
public sealed class ContainerTargetTests
{
    // Verified everywhere (mysql-01, mysql-04: the latter breaks only on 10.5), and broken on 10.11 and 11.8 alike.
    private static readonly Suite Suite = SuiteReader.Read(RepositoryFiles.Path("fixtures", "suites", "bug-reports.yaml"));
    private static readonly string[] Pairs = ["mysql-01", "mysql-02", "mysql-04", "mariadb-07", "mariadb-13"];

    [Fact]
    public async Task Corpus_pairs_get_MariaDB_11_8_verdicts_in_a_container_beside_local_mariadb_and_the_container_is_removed_after()
    {
        await ContainerAvailability.RequireMariaDbAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var engine = await DockerEngine.ConnectAsync(cancellationToken);

        // Given a verifier over the container and the embedded server
        string[] targets = [ContainerAvailability.MariaDbTarget, "local:mariadb"];
        var verifier = await Verifier.StartAsync(new VerifyOptions { Targets = targets, Jobs = 2, Reruns = 1 },
            StrategyCatalog.Default, new TargetOpener(), cancellationToken);
        List<PairReport> reports = [];
        try
        {
            // (its container carries this process's owner label)
            var container = Assert.Single(await ContainerJanitor.OwnedAsync(engine, null, cancellationToken));
            Assert.Equal("running", container.State);

            // When a few corpus pairs are verified
            var records = new RecordReader(StrategyCatalog.Default).ReadAsync(InputSources.Expand([SharedPaths.Corpus]), TextReader.Null, cancellationToken);
            await foreach (var report in verifier.VerifyAllAsync(Only(records, Pairs), cancellationToken))
                reports.Add(report);
        }
        finally
        {
            await verifier.DisposeAsync();
        }

        // Then each has a verdict per target, the container's from MariaDB 11.8 and both as measured on 11.8 and 10.11
        Assert.Equal(Pairs, reports.Select(r => r.Id));
        foreach (var report in reports)
        {
            Assert.Equal(targets, report.Targets.Select(t => t.Target));
            Assert.StartsWith("11.8.", report.Targets[0].ServerVersion, StringComparison.Ordinal);
            Assert.All(report.Targets, t =>
            {
                // (as the shipped suite pins them for that server's version)
                var expected = Suite.Expectations.VerdictFor(report.Id, new ServerIdentity(t.Target, t.ServerFlavor.ToString(), t.ServerVersion));
                Assert.True(t.Verdict == expected, $"{report.Id} on {t.Target}: {t.Verdict}, expected {expected}");
            });
        }

        // And once the run is over its container is gone
        Assert.Empty(await ContainerJanitor.OwnedAsync(engine, null, cancellationToken));
    }

    [Fact]
    public async Task A_run_stopped_by_SIGTERM_says_which_image_it_ran_exits_130_and_leaves_no_container()
    {
        await ContainerAvailability.RequireMariaDbAsync();
        using var engine = await DockerEngine.ConnectAsync(TestContext.Current.CancellationToken);

        // Given a long run on the container
        using var harness = HarnessProcess.Start(["verify", LongInput(), "--target", ContainerAvailability.MariaDbTarget, "--jobs", "1", "--out", TempReport()]);
        var owner = await StartedAsync(harness);
        Assert.Single(await ContainerJanitor.OwnedAsync(engine, owner, TestContext.Current.CancellationToken));

        // When it gets SIGTERM
        harness.Signal(HarnessProcess.SigTerm);
        var exit = await harness.WaitAsync(TimeSpan.FromMinutes(1));

        // Then it stops as interrupted, having said which image it chose, and its container is gone
        Assert.True(exit == 130, $"exit {exit}: {harness.Error}");
        Assert.Matches(@"container:mariadb:11\.8: (mutationharness/mariadb:11\.8 \(built here|mariadb:11\.8 \(official)", harness.Error);
        Assert.Empty(await ContainerJanitor.OwnedAsync(engine, owner, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_container_of_a_harness_killed_outright_is_removed_by_the_next_harness_saying_so()
    {
        await ContainerAvailability.RequireMariaDbAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var engine = await DockerEngine.ConnectAsync(cancellationToken);

        // Given a harness killed outright mid-run: nothing of it could clean up, so its container stays
        using var harness = HarnessProcess.Start(["verify", LongInput(), "--target", ContainerAvailability.MariaDbTarget, "--jobs", "1", "--out", TempReport()]);
        var owner = await StartedAsync(harness);
        harness.Signal(HarnessProcess.SigKill);
        await harness.WaitAsync(TimeSpan.FromSeconds(30));
        var left = Assert.Single(await ContainerJanitor.OwnedAsync(engine, owner, cancellationToken));

        // When the next harness prepares to start a container
        List<string> said = [];
        await ContainerJanitor.SweepAsync(engine, said.Add, cancellationToken);

        // Then the container is removed, and it says whose it was
        Assert.Empty(await ContainerJanitor.OwnedAsync(engine, owner, cancellationToken));
        Assert.Contains(said, s => s.Contains(left.ID[..12], StringComparison.Ordinal) && s.Contains($"harness process {harness.Id}", StringComparison.Ordinal));
    }

    // Waits for the harness to have opened its targets, and returns its owner label while it still runs.
    private static async Task<string> StartedAsync(HarnessProcess harness)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!harness.Error.Contains("targets:", StringComparison.Ordinal))
        {
            Assert.False(harness.HasExited, "the harness ended before its targets started: " + harness.Error);
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the targets did not start within two minutes: " + harness.Error);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        return ContainerJanitor.OwnerOf(harness.Id) ?? throw new InvalidOperationException("the harness is not running");
    }

    // The corpus twenty times over (ids made unique): long enough to be mid-run when the signal comes.
    private static string LongInput()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mh-container-").FullName, "long.jsonl");
        var lines = File.ReadAllLines(SharedPaths.Corpus).Where(l => l.Length > 0).ToList();
        File.WriteAllLines(path, Enumerable.Range(0, 20).SelectMany(round => lines.Select(line =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            record["id"] = $"{record["id"]}-{round}";
            return record.ToJsonString();
        })));
        return path;
    }

    private static string TempReport() => Path.Combine(Directory.CreateTempSubdirectory("mh-container-").FullName, "report.jsonl");

    private static async IAsyncEnumerable<InputRecord> Only(IAsyncEnumerable<InputRecord> records, string[] ids)
    {
        await foreach (var record in records)
        {
            if (ids.Contains(record.Id))
                yield return record;
        }
    }
}
