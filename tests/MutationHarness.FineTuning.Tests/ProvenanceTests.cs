using System.Text.Json;

namespace MutationHarness.FineTuning.Tests;

/// <summary>Training data says where it was verified: labels against servers, --require-label-verified, the dbms floor and balance.</summary>
public sealed class ProvenanceTests
{
    private static readonly VerifiedServer MariaDb = new("local:mariadb", "MariaDb", "10.11.19-MariaDB-0+deb12u1", ["mh_fixture_0"]);
    private static readonly VerifiedServer MySql = new("container:mysql", "MySql", "8.0.40", ["mh_fixture_0"]);
    private static readonly VerifiedServer OceanBase = new("Server=ob", "Other", "5.7.25-OceanBase_CE-v4.2.1.0", ["test"]);

    private static DatasetCandidate Pair(int i, string label, params VerifiedServer[] servers) =>
        Candidates.Distinct(i, label) with { VerifiedOn = servers };

    private static async Task<(DatasetResult Result, JsonElement Manifest, List<JsonElement> Rejected)> BuildAsync(IEnumerable<DatasetCandidate> candidates, DatasetOptions? options = null)
    {
        using var directory = new TempDirectory();
        var result = await new DatasetBuilder(options ?? new DatasetOptions { ValidationFraction = 0 }, Candidates.Instructions)
            .BuildAsync(candidates, directory.Path, TestContext.Current.CancellationToken);
        var manifest = JsonDocument.Parse(File.ReadAllText(result.ManifestPath)).RootElement.Clone();
        var rejected = File.ReadAllLines(result.RejectedPath).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (result, manifest, rejected);
    }

    // 16 labelled mysql, 12 tidb, 4 oceanbase, 6 mariadb: all run on MariaDB only, as the bug-report corpus does.
    private static List<DatasetCandidate> CorpusLike() =>
    [
        .. Enumerable.Range(0, 16).Select(i => Pair(i, "mysql", MariaDb)),
        .. Enumerable.Range(100, 12).Select(i => Pair(i, "tidb", MariaDb)),
        .. Enumerable.Range(200, 4).Select(i => Pair(i, "oceanbase", MariaDb)),
        .. Enumerable.Range(300, 6).Select(i => Pair(i, "mariadb", MariaDb)),
    ];

    [Fact]
    public async Task Labels_that_name_a_dbms_no_server_was_are_counted_in_a_warning_each()
    {
        var (result, _, _) = await BuildAsync(CorpusLike());

        Assert.Contains("16 pairs labelled mysql were verified on MariaDB 10.11 only; run with a MySQL target, or pass --require-label-verified to drop them", result.Warnings);
        Assert.Contains("12 pairs labelled tidb were verified on MariaDB 10.11 only; run with a TiDB target, or pass --require-label-verified to drop them", result.Warnings);
        Assert.Contains("4 pairs labelled oceanbase were verified on MariaDB 10.11 only; run with an OceanBase target, or pass --require-label-verified to drop them", result.Warnings);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("labelled mariadb", StringComparison.Ordinal));
        Assert.Equal(38, result.TrainCount); // a warning, not a drop
    }

    [Fact]
    public async Task Requiring_verified_labels_drops_exactly_the_mismatched_lines_into_rejected_with_the_reason()
    {
        var (result, _, rejected) = await BuildAsync(CorpusLike(), new DatasetOptions { ValidationFraction = 0, RequireLabelVerified = true });

        Assert.Equal(6, result.TrainCount);
        Assert.Equal(32, result.DroppedByReason[RejectionReasons.LabelNotVerified]);
        Assert.All(rejected, r => Assert.NotEqual("mariadb", r.GetProperty("dbms").GetString()));
        Assert.Equal("labelled mysql, verified on MariaDB 10.11 only", rejected.First(r => r.GetProperty("dbms").GetString() == "mysql").GetProperty("detail").GetString());
        Assert.Contains(result.Warnings, w => w.StartsWith("dropped as not verified on their label's dbms (--require-label-verified): 16 labelled mysql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_label_is_verified_by_a_server_of_its_flavour_or_one_whose_version_names_it()
    {
        // Given a mysql pair verified on MariaDB and MySQL, an oceanbase pair on a server calling itself OceanBase, and an unknown provenance
        var candidates = new[] { Pair(1, "mysql", MariaDb, MySql), Pair(2, "oceanbase", OceanBase), Pair(3, "tidb", MySql), Candidates.Distinct(4, "mysql") };

        var (result, manifest, rejected) = await BuildAsync(candidates, new DatasetOptions { ValidationFraction = 0, RequireLabelVerified = true });

        // Then the first two stay, the TiDB-labelled pair run on MySQL and the one of unknown provenance do not
        Assert.Equal(2, result.TrainCount);
        Assert.Equal(["d3-tidb", "d4-mysql"], rejected.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("labelled mysql, and where it was verified is not known", rejected[1].GetProperty("detail").GetString());
        // And each line's manifest entry says where it was verified and that its label holds
        var lines = manifest.GetProperty("lines").GetProperty("train").EnumerateArray().ToList();
        var mysql = lines.Single(l => l.GetProperty("id").GetString() == "d1-mysql");
        Assert.True(mysql.GetProperty("labelVerified").GetBoolean());
        Assert.Equal(["local:mariadb", "container:mysql"], mysql.GetProperty("verifiedOn").EnumerateArray().Select(s => s.GetProperty("target").GetString()));
        var server = mysql.GetProperty("verifiedOn")[1];
        Assert.Equal(("MySql", "8.0.40", "mh_fixture_0"), (server.GetProperty("flavor").GetString(), server.GetProperty("serverVersion").GetString(), server.GetProperty("databases")[0].GetString()));
    }

    [Theory]
    [InlineData("mariadb", "MariaDb", "10.11.19-MariaDB-0+deb12u1", true)]
    [InlineData("MySQL", "MySql", "8.0.40", true)]
    [InlineData("oceanbase", "Other", "5.7.25-OceanBase_CE-v4.2.1.0", true)]
    [InlineData("tidb", "MySql", "8.0.11-TiDB-v7.5.0", true)]
    [InlineData("mysql", "MariaDb", "10.11.19-MariaDB-0+deb12u1", false)]
    [InlineData("maria", "MariaDb", "10.11.19-MariaDB-0+deb12u1", false)]
    [InlineData("db", "MariaDb", "10.11.19-MariaDB-0+deb12u1", false)]
    [InlineData("ocean", "Other", "5.7.25-OceanBase_CE-v4.2.1.0", false)]
    [InlineData("", "MariaDb", "10.11.19-MariaDB-0+deb12u1", false)]
    public void A_server_holds_a_label_by_its_flavour_or_a_whole_word_of_its_version(string label, string flavor, string version, bool holds) =>
        Assert.Equal(holds, new VerifiedServer("t", flavor, version, []).Is(label));

    [Fact]
    public async Task The_manifest_counts_have_a_verified_on_dimension()
    {
        var candidates = new[] { Pair(1, "mysql", MariaDb), Pair(2, "mysql", MariaDb, MySql), Pair(3, "mysql", MariaDb, MySql), Candidates.Distinct(4, "mysql") };

        var (_, manifest, _) = await BuildAsync(candidates);

        var counts = manifest.GetProperty("counts").EnumerateArray()
            .Select(c => (c.GetProperty("verifiedOn").GetString(), c.GetProperty("train").GetInt32())).ToList();
        Assert.Equal(
            [("-", 1), ("container:mysql MySQL 8.0.40 + local:mariadb MariaDB 10.11.19-MariaDB-0+deb12u1", 2), ("local:mariadb MariaDB 10.11.19-MariaDB-0+deb12u1", 1)],
            counts);
    }

    [Fact]
    public async Task A_strategy_and_dbms_cell_below_its_floor_is_named()
    {
        var candidates = Enumerable.Range(0, 10).Select(i => Pair(i, "mysql", MySql)).Append(Pair(50, "tidb", MySql));

        var (result, _, _) = await BuildAsync(candidates, new DatasetOptions { ValidationFraction = 0, MinPerStrategyPerDbms = 3 });

        Assert.Contains("1 strategy × dbms cells are below the floor of 3 examples: FixMDistinctU on tidb has 1", result.Warnings);
    }

    [Fact]
    public async Task Balancing_the_dbms_caps_each_label_of_a_strategy_at_its_smallest()
    {
        var candidates = CorpusLike();

        var (result, manifest, rejected) = await BuildAsync(candidates, new DatasetOptions { ValidationFraction = 0, BalanceDbms = true });

        Assert.Equal(16, result.TrainCount); // 4 of each of the four labels
        Assert.All(manifest.GetProperty("counts").EnumerateArray(), c => Assert.Equal(4, c.GetProperty("train").GetInt32()));
        Assert.Contains("over the dbms balance of 4", rejected[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(manifest.GetProperty("settings").GetProperty("balanceDbms").GetBoolean());
    }
}
