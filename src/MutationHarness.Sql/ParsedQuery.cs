using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql;

/// <summary>A parsed SELECT statement: its original text and its normalised form.</summary>
public sealed class ParsedQuery
{
    private string? _normalized;

    internal ParsedQuery(SyntaxTree tree) => Tree = tree;

    internal SyntaxTree Tree { get; }

    /// <summary>The text as given.</summary>
    public string Sql => Tree.Source;

    /// <summary>True when the statement as a whole ends in ORDER BY, so its rows come in a defined order
    /// (an ORDER BY inside a subquery, a window or a union branch does not count).</summary>
    public bool IsOrdered => (Tree.Root is WithQuery with ? with.Body : Tree.Root).OrderBy is { Count: > 0 };

    /// <summary>The normalised text used for comparison and de-duplication.</summary>
    public string Normalized => _normalized ??= NormalPrinter.Print(Tree);
}
