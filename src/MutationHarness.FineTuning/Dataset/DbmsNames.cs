namespace MutationHarness.FineTuning;

/// <summary>How each dbms is named in the role prompt.</summary>
internal static class DbmsNames
{
    private static readonly Dictionary<string, string> Display = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mysql"] = "MySQL",
        ["mariadb"] = "MariaDB",
        ["tidb"] = "TiDB",
        ["oceanbase"] = "OceanBase",
    };

    public static string DisplayName(string dbms) => Display.TryGetValue(dbms, out var name) ? name : dbms;

    public static string RolePrompt(string dbms) => $"You are an expert in {DisplayName(dbms)} statement mutation.";
}
