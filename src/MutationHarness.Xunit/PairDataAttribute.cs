using System.Reflection;
using MutationHarness.Core.Records;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace MutationHarness.Xunit;

/// <summary>Theory data from pair files: one <see cref="PairCase"/> per record, named by its id. The path (a file, a folder
/// or a glob) is taken relative to the test's output folder first (copy the file there), then the working folder.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PairDataAttribute(string path) : DataAttribute
{
    /// <summary>The pair files, as given.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var rows = new List<ITheoryDataRow>();
        foreach (var file in InputSources.Expand([Resolve(Path)]))
        {
            var lines = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? [File.ReadAllText(file)] : File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                    continue;
                var pair = new PairCase(lines[i], file, i + 1);
                rows.Add(new TheoryDataRow<PairCase>(pair) { TestDisplayName = $"{testMethod.Name}({pair})" });
            }
        }
        return new(rows);
    }

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;

    private static string Resolve(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
            return path;
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(beside) || Directory.Exists(beside) || path.IndexOfAny(['*', '?']) >= 0 ? beside : path;
    }
}
