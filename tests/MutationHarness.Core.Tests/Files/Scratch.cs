using System.Diagnostics;

namespace MutationHarness.Core.Tests.Files;

/// <summary>A scratch folder removed after the test, with the special files the output tests need.</summary>
internal sealed class Scratch : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("mh-files-").FullName;

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Makes a FIFO with the system's mkfifo.</summary>
    public string Fifo(string name)
    {
        var path = PathOf(name);
        using var process = Process.Start("mkfifo", path);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover scratch folder is harmless */ }
    }
}
