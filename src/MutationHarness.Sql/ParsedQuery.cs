using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql;

/// <summary>A parsed SELECT statement: its original text and its normalised form.</summary>
public sealed class ParsedQuery
{
    private string? normalized;

    internal ParsedQuery(SyntaxTree tree) => Tree = tree;

    internal SyntaxTree Tree { get; }

    /// <summary>The text as given.</summary>
    public string Sql => Tree.Source;

    /// <summary>The normalised text used for comparison and de-duplication.</summary>
    public string Normalized => normalized ??= NormalPrinter.Print(Tree, null, recordSpans: false);
}
