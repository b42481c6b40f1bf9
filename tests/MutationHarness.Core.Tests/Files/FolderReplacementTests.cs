using MutationHarness.Core.Files;

namespace MutationHarness.Core.Tests.Files;

/// <summary>A dataset's files change together: the folder is swapped, so a reader sees the old set or the new one.</summary>
public sealed class FolderReplacementTests
{
    private static readonly string[] Names = ["train.jsonl", "manifest.json"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task FillAsync(FolderReplacement folder, string content)
    {
        foreach (var name in Names)
            await File.WriteAllTextAsync(folder.PathOf(name), content, Token);
    }

    private static async Task<string[]> ReadAsync(string folder) =>
        await Task.WhenAll(Names.Select(n => File.ReadAllTextAsync(Path.Combine(folder, n), Token)));

    [Fact]
    public async Task A_new_set_replaces_the_old_one_whole_and_an_abandoned_one_leaves_it_untouched()
    {
        // Given a folder holding an earlier set
        using var scratch = new Scratch();
        var dataset = scratch.PathOf("dataset");
        await using (var first = FolderReplacement.Begin(dataset, Names))
        {
            await FillAsync(first, "old");
            first.Commit();
        }

        // When a second run is killed half-way (its replacement is disposed without a commit)
        await using (var abandoned = FolderReplacement.Begin(dataset, Names))
            await File.WriteAllTextAsync(abandoned.PathOf(Names[0]), "half", Token);

        // Then the old set is whole, and nothing is left beside it
        Assert.Equal(["old", "old"], await ReadAsync(dataset));
        Assert.Equal(["dataset"], Directory.GetFileSystemEntries(scratch.Root).Select(Path.GetFileName));

        // And a finished run replaces every file at once
        await using (var second = FolderReplacement.Begin(dataset, Names))
        {
            await FillAsync(second, "new");
            Assert.Equal(["old", "old"], await ReadAsync(dataset)); // nothing changes before the commit
            second.Commit();
        }
        Assert.Equal(["new", "new"], await ReadAsync(dataset));
        Assert.Equal(["dataset"], Directory.GetFileSystemEntries(scratch.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_folder_holding_other_files_is_refused_before_anything_is_written()
    {
        using var scratch = new Scratch();
        var dataset = Directory.CreateDirectory(scratch.PathOf("dataset")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dataset, "notes.txt"), "mine", Token);

        var error = Assert.Throws<OutputException>(() => FolderReplacement.Begin(dataset, Names));

        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(dataset, "notes.txt"), Token));
    }

    [Fact]
    public async Task A_symlinked_folder_is_followed_and_the_link_stays()
    {
        using var scratch = new Scratch();
        var real = Directory.CreateDirectory(scratch.PathOf("real")).FullName;
        var link = scratch.PathOf("dataset");
        Directory.CreateSymbolicLink(link, real);

        await using (var folder = FolderReplacement.Begin(link, Names))
        {
            await FillAsync(folder, "new");
            folder.Commit();
        }

        Assert.Equal(real, new DirectoryInfo(link).LinkTarget);
        Assert.Equal(["new", "new"], await ReadAsync(real));
    }

    [Fact]
    public async Task The_staging_folder_of_a_killed_run_is_swept_by_the_next_run()
    {
        using var scratch = new Scratch();
        // A process id that cannot be running (above the kernel's largest pid_max).
        var leftover = Directory.CreateDirectory(scratch.PathOf(".dataset.99999999.0123.staging")).FullName;

        await using (var folder = FolderReplacement.Begin(scratch.PathOf("dataset"), Names))
            Assert.True(Directory.Exists(folder.Staging));

        Assert.False(Directory.Exists(leftover));
    }
}
