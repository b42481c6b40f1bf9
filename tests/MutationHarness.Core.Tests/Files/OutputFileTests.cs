using MutationHarness.Core.Files;

namespace MutationHarness.Core.Tests.Files;

/// <summary>Outputs are written where the user points: through symlinks and into FIFOs and devices, never replacing them.</summary>
public sealed class OutputFileTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_regular_file_is_replaced_atomically_and_no_temporary_file_is_left()
    {
        using var scratch = new Scratch();
        var path = scratch.PathOf("scorecard.json");
        await File.WriteAllTextAsync(path, "old", Token);

        // When a write is abandoned before its commit, the old content stays
        await using (var abandoned = OutputFile.Create(path))
            await abandoned.Stream.WriteAsync("half"u8.ToArray(), Token);
        Assert.Equal("old", await File.ReadAllTextAsync(path, Token));

        await OutputFile.WriteAllTextAsync(path, "new", Token);
        Assert.Equal("new", await File.ReadAllTextAsync(path, Token));
        Assert.Equal(["scorecard.json"], Directory.GetFileSystemEntries(scratch.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_symlink_is_followed_and_stays_a_symlink()
    {
        // Given a link (through a second link) to a file in another folder
        using var scratch = new Scratch();
        Directory.CreateDirectory(scratch.PathOf("real"));
        var target = scratch.PathOf("real/report.json");
        await File.WriteAllTextAsync(target, "old", Token);
        File.CreateSymbolicLink(scratch.PathOf("middle"), target);
        var link = scratch.PathOf("out.json");
        File.CreateSymbolicLink(link, "middle");

        // When the output is written through the link
        await OutputFile.WriteAllTextAsync(link, "new", Token);

        // Then the links are still links, and the file they lead to has the new content
        Assert.Equal("middle", new FileInfo(link).LinkTarget);
        Assert.Equal(target, new FileInfo(scratch.PathOf("middle")).LinkTarget);
        Assert.Equal("new", await File.ReadAllTextAsync(target, Token));
        Assert.Empty(Directory.GetFiles(scratch.PathOf("real"), "*.tmp"));
    }

    [Fact]
    public async Task A_dangling_symlink_gets_its_file_created_where_it_points()
    {
        using var scratch = new Scratch();
        var link = scratch.PathOf("out.json");
        File.CreateSymbolicLink(link, scratch.PathOf("made.json"));

        await OutputFile.WriteAllTextAsync(link, "made", Token);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("made", await File.ReadAllTextAsync(scratch.PathOf("made.json"), Token));
    }

    [Fact]
    public async Task A_fifo_is_written_through_and_stays_a_fifo()
    {
        using var scratch = new Scratch();
        var fifo = scratch.Fifo("pipe");
        var reader = Task.Run(() => File.ReadAllTextAsync(fifo, Token), Token);

        await OutputFile.WriteAllTextAsync(fifo, "through the pipe", Token);

        Assert.Equal("through the pipe", await reader);
        Assert.Equal(OutputKind.WriteThrough, OutputPath.Resolve(fifo).Kind);
        Assert.Equal(["pipe"], Directory.GetFileSystemEntries(scratch.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_character_device_is_written_through_and_never_replaced()
    {
        Assert.Equal(OutputKind.WriteThrough, OutputPath.Resolve("/dev/null").Kind);
        await OutputFile.WriteAllTextAsync("/dev/null", "nothing", Token);
        Assert.Equal(OutputKind.WriteThrough, OutputPath.Resolve("/dev/null").Kind); // still the device
    }

    [Fact]
    public void Standard_output_is_a_dash_and_a_directory_or_a_socket_is_refused_saying_what_to_give()
    {
        using var scratch = new Scratch();
        Assert.Equal(OutputKind.StandardOutput, OutputPath.Resolve("-").Kind);
        Assert.Equal(OutputKind.RegularFile, OutputPath.Resolve(scratch.PathOf("new.json")).Kind);

        var error = Assert.Throws<OutputException>(() => OutputPath.Resolve(scratch.Root));
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);

        var socketPath = scratch.PathOf("s.sock");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
        error = Assert.Throws<OutputException>(() => OutputPath.Resolve(socketPath));
        Assert.Contains("socket", error.Message, StringComparison.Ordinal);
    }
}
