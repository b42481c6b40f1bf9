using System.Text.RegularExpressions;
using MutationHarness.Databases.Quirks;

namespace MutationHarness.Evaluation;

/// <summary>Recognises an invented identifier by the server's error number; the quoted name is taken from the message for display only.</summary>
public static partial class Hallucinations
{
    // ER_AMBIGUOUS (1052) and syntax errors are mistakes, not inventions, and stay out of this table.
    private static readonly Dictionary<int, string> Kinds = new()
    {
        [ServerErrors.UnknownColumn] = "column",    // ER_BAD_FIELD_ERROR: Unknown column 'x' in 'field list'
        [ServerErrors.UnknownTable] = "table",    // ER_NO_SUCH_TABLE: Table 'db.x' doesn't exist
        [1109] = "table",       // ER_UNKNOWN_TABLE: Unknown table 'x' in …
        [1049] = "database",    // ER_BAD_DB_ERROR: Unknown database 'x'
        [ServerErrors.UnknownFunction] = "function",    // ER_SP_DOES_NOT_EXIST: FUNCTION db.x does not exist
        [1630] = "function",    // ER_FUNC_INEXISTENT_NAME_COLLISION: FUNCTION db.x does not exist. Check …
        [1128] = "function",    // ER_FUNCTION_NOT_DEFINED: Function 'x' is not defined
    };

    /// <summary>The invented identifier an error stands for, or null when the error is of another kind.</summary>
    public static HallucinatedIdentifier? From(int errorNumber, string? message)
    {
        if (!Kinds.TryGetValue(errorNumber, out var kind))
            return null;
        return new HallucinatedIdentifier(kind, NameIn(message ?? "") ?? "?", errorNumber);
    }

    private static string? NameIn(string message)
    {
        var function = FunctionName().Match(message);
        var quoted = Quoted().Match(message);
        var name = function.Success ? function.Groups[1].Value : quoted.Success ? quoted.Groups[1].Value : null;
        // Tables and functions come qualified by the fixture database, whose name is generated: drop it.
        return name is null ? null : name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"FUNCTION\s+([^\s']+)\s+does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();
}
