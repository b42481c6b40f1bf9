namespace MutationHarness.Databases.Local;

/// <summary>The last lines of a log, for error messages.</summary>
internal static class LogTail
{
    public static string Of(string text, int lines = 20)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public static string OfFile(string path, int lines = 20)
    {
        try
        {
            return File.Exists(path) ? Of(File.ReadAllText(path), lines) : "(no error log was written)";
        }
        catch (IOException ex)
        {
            return $"(the error log could not be read: {ex.Message})";
        }
    }
}
