using System.Globalization;
using System.Text;
using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.FineTuning.Metrics;

/// <summary>
/// Reads a job's result file: per-step metrics as CSV. The public API serves its content
/// base64-encoded (users who printed it saw "garbage"), so base64 is decoded when the text is not CSV.
/// </summary>
public static class ResultFile
{
    /// <summary>Parses the file's content; throws <see cref="FormatException"/> naming the line when it is not metrics CSV.</summary>
    public static IReadOnlyList<StepMetrics> Parse(BinaryData content)
    {
        var text = content.ToString().Trim().TrimStart('\uFEFF');
        if (!LooksLikeMetrics(text))
            text = Decoded(text) ?? throw new FormatException(
                $"the result file is neither metrics CSV nor base64-encoded CSV (it starts with \"{Preview(text)}\")");
        return ParseCsv(text);
    }

    private static string? Decoded(string text)
    {
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))), buffer, out var written))
            return null;
        var decoded = Encoding.UTF8.GetString(buffer, 0, written).Trim().TrimStart('\uFEFF');
        return LooksLikeMetrics(decoded) ? decoded : null;
    }

    private static bool LooksLikeMetrics(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Split(',').Any(column => column.Trim() == "step");
    }

    private static List<StepMetrics> ParseCsv(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',').Select(c => c.Trim()).ToList();
        int Column(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        var step = Column("step");
        var columns = new[]
        {
            Column("train_loss"), Column("train_accuracy", "train_mean_token_accuracy"), Column("valid_loss"),
            Column("valid_mean_token_accuracy", "valid_accuracy"), Column("full_valid_loss"), Column("full_valid_mean_token_accuracy"),
        };
        var rows = new List<StepMetrics>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var cells = lines[i].Split(',');
            if (!double.TryParse(Cell(cells, step), NumberStyles.Float, CultureInfo.InvariantCulture, out var at))
                throw new FormatException($"result file line {i + 1}: no step number in \"{Preview(lines[i])}\"");
            var v = columns.Select(c => Value(cells, c, i)).ToArray();
            rows.Add(new StepMetrics((int)at, null, v[0], v[1], v[2], v[3], v[4], v[5]));
        }
        return rows;
    }

    private static double? Value(string[] cells, int column, int line)
    {
        var cell = Cell(cells, column);
        if (cell.Length == 0)
            return null;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"result file line {line + 1}: \"{cell}\" is not a number");
    }

    private static string Cell(string[] cells, int column) => column >= 0 && column < cells.Length ? cells[column].Trim() : "";

    private static string Preview(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
