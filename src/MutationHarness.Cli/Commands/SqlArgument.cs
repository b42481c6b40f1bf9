namespace MutationHarness.Cli.Commands;

/// <summary>Reads a SQL argument given inline, as <c>@path</c>, or as the path of an existing file.</summary>
internal static class SqlArgument
{
    public static string Read(string value)
    {
        if (!value.StartsWith('@'))
            return File.Exists(value) ? File.ReadAllText(value).TrimEnd() : value;
        var path = value[1..];
        return File.Exists(path) ? File.ReadAllText(path).TrimEnd() : throw new UsageException($"file not found: {path}");
    }
}
