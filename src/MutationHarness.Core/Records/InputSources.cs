using System.Text.RegularExpressions;

namespace MutationHarness.Core.Records;

/// <summary>Expands the inputs a user names (files, folders, globs, "-") into the files to read, in order.</summary>
public static class InputSources
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Expands every input; a name that matches nothing, or a file that cannot be pair records (empty, a JSON
    /// array, CSV, other text: <see cref="InputFormat"/>), is an error naming it.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (input == StandardInput)
                files.Add(StandardInput);
            else if (File.Exists(input))
                files.Add(input);
            else if (Directory.Exists(input))
                files.AddRange(RecordFilesUnder(input));
            else if (input.IndexOfAny(['*', '?']) >= 0)
                files.AddRange(Glob(input));
            else
                throw new InputException($"input not found: {input} (give a file, a folder, a glob such as 'pairs/*.jsonl', or - for standard input)");
        }
        foreach (var file in files.Where(f => f != StandardInput))
            InputFormat.Check(file);
        return files;
    }

    private static IEnumerable<string> RecordFilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static List<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var fixedCount = segments.TakeWhile(s => s.IndexOfAny(['*', '?']) < 0).Count();
        var root = fixedCount == 0 ? "." : string.Join('/', segments.Take(fixedCount));
        if (root.Length == 0)
            root = "/";
        var rest = string.Join('/', segments.Skip(fixedCount));
        var regex = new Regex("^" + ToRegex(rest) + "$", RegexOptions.CultureInvariant);
        var matches = !Directory.Exists(root) ? [] : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (matches.Count == 0)
            throw new InputException($"no file matches {pattern}");
        return matches;
    }

    private static string ToRegex(string glob) =>
        Regex.Escape(glob)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
}

/// <summary>An input the user named cannot be read at all (a client error, not a record's problem).</summary>
public sealed class InputException(string message) : Exception(message);
