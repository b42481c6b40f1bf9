using System.Text;

namespace MutationHarness.Core.Records;

/// <summary>Tells a file that is not pair records at all (empty, a JSON array given as lines, CSV, other text) from one
/// with some bad lines, so the user reads one sentence on what the file is and what is expected, not a parse error per
/// line. A file that starts like JSON lines is left to the reader, whose bad lines become rejected records.</summary>
public static class InputFormat
{
    /// <summary>What the harness reads, for the end of every message here.</summary>
    public const string Expected = "expected pair records as JSON lines (one object per line: {\"id\", \"strategy\", " +
        "\"original\", \"mutated\", \"setup\"?}), an upstream finding (bug-*.json), or chat fine-tuning lines";

    private const int SniffBytes = 4096;

    /// <summary>Throws an <see cref="InputException"/> naming the file when it cannot be pair records.</summary>
    public static void Check(string file)
    {
        var buffer = new byte[SniffBytes];
        int read;
        using (var stream = File.OpenRead(file))
            read = stream.ReadAtLeast(buffer, SniffBytes, throwOnEndOfStream: false);
        var head = new UTF8Encoding(false).GetString(buffer, 0, read).TrimStart('\uFEFF');
        var wholeJson = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (Problem(head, wholeJson) is { } problem)
            throw new InputException($"{file} {problem}: {Expected}");
    }

    /// <summary>Checks standard input's first non-blank line, or its absence.</summary>
    public static void CheckFirstLine(string? firstLine, string name)
    {
        if (Problem(firstLine ?? "", wholeJson: false) is { } problem)
            throw new InputException($"{name} {problem}: {Expected}");
    }

    /// <summary>Why a file starting with <paramref name="head"/> is not pair records, or null when it may be.</summary>
    private static string? Problem(string head, bool wholeJson)
    {
        var text = head.TrimStart();
        if (text.Length == 0)
            return "is empty";
        if (text[0] == '{' || (text[0] == '[' && wholeJson))
            return null;
        if (text[0] == '[')
            return "is one JSON array, not JSON lines (rename it to .json to read the array's items as records, " +
                "or write one object per line: jq -c '.[]')";
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        var shown = firstLine.Length > 60 ? firstLine[..60] + "…" : firstLine;
        if (firstLine.Contains(',', StringComparison.Ordinal) || firstLine.Contains('\t', StringComparison.Ordinal))
            return $"looks like CSV or TSV (its first line is '{shown}'), not JSON";
        return $"is not JSON (its first line is '{shown}')";
    }
}
