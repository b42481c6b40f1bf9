using MutationHarness.Databases.Local;
using MutationHarness.TestSupport;
using MutationHarness.Verification;
using MutationHarness.Verification.Bundles;

namespace MutationHarness.Integration.Tests;

/// <summary><c>verify --bundles</c>: a folder per corpus bug, its <c>repro.sql</c> replayed through the <c>mariadb</c> client.</summary>
[Collection(VersionMatrixFixture.Collection)]
public sealed class BundleTests(VersionMatrixFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_bug_gets_one_folder_with_a_count_and_its_repro_replays_through_the_mariadb_client()
    {
        // Given the corpus's reports on 10.5, 10.11 and 11.8, bundled
        var reports = await fixture.CorpusAsync();
        var directory = Directory.CreateTempSubdirectory("mh-bundles").FullName;
        var bundles = new BugBundles(directory, fixture.Verifier, new VerifyOptions { Targets = VersionMatrixFixture.Targets }, minimise: false);
        foreach (var report in reports.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
            await bundles.AddAsync(report, Token);

        // Then the 21 candidates fill fewer folders: mysql-04 and mariadb-07 are one bug (DISTINCT of a DIV under UNION ALL, 10.5 only)
        Assert.Equal(21, bundles.Candidates);
        Assert.True(bundles.Folders < 21, $"{bundles.Folders} folders");
        var mysql04 = Folder(directory, "mysql-04");
        Assert.Equal(Folder(directory, "mariadb-07"), mysql04);
        var readme = await File.ReadAllTextAsync(Path.Combine(mysql04, "README.md"), Token);
        Assert.Contains("## How to repeat", readme, StringComparison.Ordinal);
        Assert.Contains("## Pairs with this fingerprint (2)", readme, StringComparison.Ordinal);
        Assert.Contains("- MariaDB 10.5.", readme, StringComparison.Ordinal);
        Assert.Matches(@"## Not affected\s+- MariaDB 10\.11\.[^\n]*the relation holds\s+- MariaDB 11\.8\.", readme);
        Assert.Contains("('0.0')  1× in the mutant, 0× in the original", readme, StringComparison.Ordinal);

        // When mysql-04's repro.sql runs through the mariadb client on 10.5, and on 10.11
        var script = Path.Combine(mysql04, "repro.sql");
        var on105 = await MariaDbClient.RunScriptAsync(Server("local:mariadb:10.5"), script, Token);
        var on1011 = await MariaDbClient.RunScriptAsync(Server("local:mariadb"), script, Token);

        // Then 10.5 prints 0 for the seed and 0.0 for the mutant; 10.11 prints the same rows for both (0.0 and 1)
        Assert.True(on105.Exit == 0, on105.Error);
        Assert.True(Rows(on105.Output).SequenceEqual(["0", "1", "0.0", "1"]), on105.Output + on105.Error);
        Assert.True(Rows(on1011.Output).SequenceEqual(["0.0", "1", "0.0", "1"]), on1011.Output + on1011.Error);

        // And mariadb-13's (FLOAT text under DISTINCT, MDEV-30301) shows its witness through the client on 10.11 too
        var mariadb13 = await MariaDbClient.RunScriptAsync(Server("local:mariadb"), Path.Combine(Folder(directory, "mariadb-13"), "repro.sql"), Token);
        Assert.True(mariadb13.Exit == 0, mariadb13.Error);
        Assert.Contains("0.00009999999747378752", Rows(mariadb13.Output));
        Assert.DoesNotContain("0.00009999999747378752", Rows(mariadb13.Output).Take(2));
    }

    private LocalMariaDbTarget Server(string name) =>
        (LocalMariaDbTarget)fixture.Verifier.OpenTargets.Single(t => t.Target.Name == name).Target;

    private static string Folder(string directory, string id) =>
        Directory.EnumerateDirectories(directory).Single(d => File.ReadAllText(Path.Combine(d, "bundle.json")).Contains($"\"{id}\"", StringComparison.Ordinal));

    // Batch output without column names: one line per row, the seed's rows then the mutant's.
    private static List<string> Rows(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
