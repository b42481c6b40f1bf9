namespace MutationHarness.Evaluation.Tests;

/// <summary>A folder under the system temp directory, deleted with everything in it.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("harness-eval-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine; the OS cleans temp */ }
    }
}
