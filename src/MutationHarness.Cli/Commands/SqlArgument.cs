namespace MutationHarness.Cli.Commands;

/// <summary>Reads a SQL argument given inline or as <c>@path</c>.</summary>
internal static class SqlArgument
{
    public static string Read(string value)
    {
        if (!value.StartsWith('@'))
            return value;
        var path = value[1..];
        return File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"file not found: {path}");
    }
}
