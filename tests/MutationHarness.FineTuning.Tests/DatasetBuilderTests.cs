using System.Text.Json;
using MutationHarness.Core.Strategies;

namespace MutationHarness.FineTuning.Tests;

public sealed class DatasetBuilderTests
{
    private static async Task<DatasetResult> BuildAsync(IEnumerable<DatasetCandidate> candidates, string directory, DatasetOptions? options = null) =>
        await new DatasetBuilder(options ?? new DatasetOptions { Seed = 7, ValidationFraction = 0.2 }, Candidates.Instructions)
            .BuildAsync(candidates, directory, TestContext.Current.CancellationToken);

    private static List<JsonElement> ReadJsonl(string path) =>
        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    [Fact]
    public async Task Every_input_is_either_emitted_or_rejected_with_a_reason()
    {
        using var directory = new TempDirectory();
        var candidates = Candidates.Mixed();

        var result = await BuildAsync(candidates, directory.Path);

        Assert.Equal(candidates.Count, result.InputCount);
        Assert.Equal(candidates.Count, result.TrainCount + result.ValidationCount + result.RejectedCount);
        Assert.Equal(result.TrainCount, File.ReadAllLines(result.TrainPath).Length);
        Assert.Equal(result.ValidationCount, File.ReadAllLines(result.ValidationPath).Length);
        var rejected = ReadJsonl(result.RejectedPath);
        Assert.Equal(12, rejected.Count); // 10 by policy, 1 duplicate, 1 without instruction
        Assert.Equal(10, result.DroppedByReason[RejectionReasons.Policy]);
        var duplicate = Assert.Single(rejected, r => r.GetProperty("reason").GetString() == RejectionReasons.Duplicate);
        Assert.Equal("dup", duplicate.GetProperty("id").GetString());
        Assert.Equal("duplicate of d3-mysql", duplicate.GetProperty("detail").GetString());
        Assert.Contains(rejected, r => r.GetProperty("reason").GetString() == RejectionReasons.NoInstruction);
        Assert.All(rejected, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("source").GetString())));
    }

    [Fact]
    public async Task Examples_hold_only_role_and_content_in_the_users_format()
    {
        using var directory = new TempDirectory();

        var result = await BuildAsync([Candidates.Distinct(1, "mariadb")], directory.Path, new DatasetOptions { ValidationFraction = 0 });

        var example = Assert.Single(ReadJsonl(result.TrainPath));
        Assert.Equal(["messages"], example.EnumerateObject().Select(p => p.Name));
        var messages = example.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.All(messages, m => Assert.Equal(["role", "content"], m.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("You are an expert in MariaDB statement mutation. " + Candidates.Instructions["FixMDistinctU"].Mutate, messages[0].GetProperty("content").GetString());
        Assert.Equal(Candidates.Distinct(1).Original, messages[1].GetProperty("content").GetString());
        Assert.Equal(Candidates.Distinct(1).Mutated, messages[2].GetProperty("content").GetString());
    }

    [Fact]
    public async Task The_synthesize_style_selects_the_other_wording()
    {
        using var directory = new TempDirectory();
        var options = new DatasetOptions { InstructionStyle = InstructionStyle.Synthesize, ValidationFraction = 0 };

        var result = await BuildAsync([Candidates.Where(1, "tidb")], directory.Path, options);

        var system = ReadJsonl(result.TrainPath)[0].GetProperty("messages")[0].GetProperty("content").GetString();
        Assert.Equal("You are an expert in TiDB statement mutation. " + Candidates.Instructions["FixMWhere1U"].Synthesize, system);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_files_byte_for_byte()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var third = new TempDirectory();
        var candidates = Candidates.Mixed();

        await BuildAsync(candidates, first.Path);
        await BuildAsync(Enumerable.Reverse(candidates).Reverse(), second.Path);
        await BuildAsync(candidates, third.Path, new DatasetOptions { Seed = 8, ValidationFraction = 0.2 });

        foreach (var name in new[] { DatasetBuilder.TrainFileName, DatasetBuilder.ValidationFileName, DatasetBuilder.RejectedFileName, DatasetBuilder.ManifestFileName })
            Assert.Equal(File.ReadAllBytes(first.File(name)), File.ReadAllBytes(second.File(name)));
        Assert.NotEqual(File.ReadAllBytes(first.File(DatasetBuilder.TrainFileName)), File.ReadAllBytes(third.File(DatasetBuilder.TrainFileName)));
    }

    [Fact]
    public async Task No_seed_query_appears_on_both_sides_of_the_split()
    {
        // Given seed queries shared between strategies and dbms (the Where pairs reuse the Distinct seeds' shape)
        using var directory = new TempDirectory();
        var candidates = Candidates.Mixed();
        candidates.AddRange(Enumerable.Range(0, 30).Select(i => Candidates.Where(i) with { Id = $"w{i}-again", Mutated = $"SELECT `c{i}` FROM `t{i % 7}` WHERE 1 AND 1" }));

        var result = await BuildAsync(candidates, directory.Path, new DatasetOptions { Seed = 3, ValidationFraction = 0.3 });

        static HashSet<string> Originals(string path) => ReadJsonl(path)
            .Select(e => SqlNormaliser.Normalise(e.GetProperty("messages")[1].GetProperty("content").GetString()!)).ToHashSet();
        var train = Originals(result.TrainPath);
        var validation = Originals(result.ValidationPath);
        Assert.NotEmpty(validation);
        Assert.Empty(train.Intersect(validation));
    }

    [Fact]
    public async Task The_split_is_stratified_by_strategy_and_dbms()
    {
        using var directory = new TempDirectory();

        var result = await BuildAsync(Candidates.Mixed(), directory.Path, new DatasetOptions { Seed = 1, ValidationFraction = 0.2 });

        using var manifest = JsonDocument.Parse(File.ReadAllText(result.ManifestPath));
        foreach (var cell in manifest.RootElement.GetProperty("counts").EnumerateArray())
        {
            var emitted = cell.GetProperty("train").GetInt32() + cell.GetProperty("validation").GetInt32();
            if (emitted > 0)
                Assert.Equal(Math.Floor(emitted * 0.2 + 0.5), cell.GetProperty("validation").GetInt32());
        }
    }

    [Fact]
    public async Task Caps_keep_the_shortest_pairs_and_balance_the_dbms()
    {
        using var directory = new TempDirectory();
        var candidates = Enumerable.Range(0, 50).SelectMany(i => new[] { Candidates.Distinct(i, "mysql"), Candidates.Distinct(i, "tidb"), Candidates.Distinct(i, "mariadb") }).ToList();
        var options = new DatasetOptions { MaxPerStrategy = 30, MaxPerStrategyPerDbms = 12, PreferShort = true, ValidationFraction = 0, MinPerStrategy = 40 };

        var result = await BuildAsync(candidates, directory.Path, options);

        Assert.Equal(30, result.TrainCount);
        Assert.Equal(120, result.DroppedByReason[RejectionReasons.OverCap]);
        var kept = ReadJsonl(result.TrainPath).Select(e => e.GetProperty("messages")[1].GetProperty("content").GetString()!).ToList();
        var longestKept = kept.Max(s => s.Length);
        Assert.True(candidates.Count(c => c.Original.Length < longestKept) <= 3 * 12); // nothing shorter was dropped for a longer one
        using var manifest = JsonDocument.Parse(File.ReadAllText(result.ManifestPath));
        Assert.All(manifest.RootElement.GetProperty("counts").EnumerateArray(), cell => Assert.Equal(10, cell.GetProperty("train").GetInt32()));
        Assert.Contains(result.Warnings, w => w.Contains("below the floor of 40", StringComparison.Ordinal) && w.Contains("FixMDistinctU has 30 examples", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("FixMWhere1U has 0 examples", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_manifest_records_settings_provenance_and_the_estimate()
    {
        using var directory = new TempDirectory();

        var result = await BuildAsync(Candidates.Mixed(), directory.Path);

        using var manifest = JsonDocument.Parse(File.ReadAllText(result.ManifestPath));
        var root = manifest.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("harnessVersion").GetString()));
        Assert.Equal(7, root.GetProperty("settings").GetProperty("seed").GetInt32());
        Assert.Equal("gpt-4o-mini-2024-07-18", root.GetProperty("settings").GetProperty("model").GetString());
        Assert.Equal(result.TrainCount, root.GetProperty("trainStatistics").GetProperty("exampleCount").GetInt32());
        Assert.True(root.GetProperty("trainStatistics").GetProperty("chargedTokens").GetInt64() > 0);
        var lines = root.GetProperty("lines").GetProperty("train").EnumerateArray().ToList();
        Assert.Equal(result.TrainCount, lines.Count);
        var firstExampleUser = ReadJsonl(result.TrainPath)[0].GetProperty("messages")[1].GetProperty("content").GetString();
        var firstId = lines[0].GetProperty("id").GetString();
        Assert.Equal(1, lines[0].GetProperty("line").GetInt32());
        Assert.Equal(Candidates.Mixed().Single(c => c.Id == firstId).Original, firstExampleUser);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public async Task The_train_file_passes_inspection()
    {
        using var directory = new TempDirectory();
        var result = await BuildAsync(Candidates.Mixed(), directory.Path);

        var report = await new ChatFileInspector(ModelCatalog.LoadDefault()).InspectAsync(result.TrainPath, TestContext.Current.CancellationToken);

        Assert.Empty(report.Errors);
        Assert.Equal(result.TrainStatistics, report.Statistics);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Bad_options_are_refused(double fraction) =>
        Assert.Throws<ArgumentException>(() => new DatasetBuilder(new DatasetOptions { ValidationFraction = fraction }, Candidates.Instructions));

    [Fact]
    public void An_unknown_model_is_refused() =>
        Assert.Throws<ArgumentException>(() => new DatasetBuilder(new DatasetOptions { Model = "gpt-9" }, Candidates.Instructions));
}
