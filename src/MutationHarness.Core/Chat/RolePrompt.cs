using System.Text.RegularExpressions;

namespace MutationHarness.Core.Chat;

/// <summary>The role prompt that opens every system message (<c>You are an expert in MariaDB statement mutation.</c>):
/// written by <c>clean</c> and eval, read back to learn an example's dbms.</summary>
public static partial class RolePrompt
{
    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mysql"] = "MySQL",
        ["mariadb"] = "MariaDB",
        ["tidb"] = "TiDB",
        ["oceanbase"] = "OceanBase",
    };

    /// <summary>How a dbms is spelled in the role prompt (<c>mariadb</c> → <c>MariaDB</c>); an unknown one as given.</summary>
    public static string DisplayName(string dbms) => DisplayNames.TryGetValue(dbms, out var name) ? name : dbms;

    /// <summary>The role prompt for a dbms.</summary>
    public static string For(string dbms) => $"You are an expert in {DisplayName(dbms)} statement mutation.";

    /// <summary>A whole system message: the role prompt, then the strategy's instruction.</summary>
    public static string SystemMessage(string dbms, string instruction) => $"{For(dbms)} {instruction}";

    /// <summary>The dbms a system text's role prompt names, lower-cased (<c>mariadb</c>), or null when it has none.</summary>
    public static string? DbmsOf(string systemText)
    {
        var match = Pattern().Match(systemText);
        return match.Success ? match.Groups["dbms"].Value.Trim().ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"You are an expert in (?<dbms>.+?) statement mutation\.")]
    private static partial Regex Pattern();
}
