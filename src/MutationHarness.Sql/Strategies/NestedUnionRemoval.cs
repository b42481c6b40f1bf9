using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Strategies;

/// <summary>FixMRmUnionAllL drops a branch that took part in the union's column types. At the top of the query those
/// types show in the result and its cells are compared by value (SEMANTICS §4); below the top, in a derived table, a
/// CTE or a subquery, the query around the union compares, joins or groups its columns under the new types, and rows
/// can come and go for that reason alone (<c>b = '05'</c> is a string comparison over a union with <c>'zz'</c>, a
/// number comparison without it). Such a pair keeps its direction and verifies when its relation holds, but a broken
/// relation is not a bug candidate.</summary>
public static class NestedUnionRemoval
{
    /// <summary>Why such a pair's broken relation is no bug candidate.</summary>
    public const string Caveat = "the removed UNION ALL branch is below the top of the query, and the column types it took part in are read by the query around it";

    /// <summary>True when <paramref name="mutated"/>, a conforming FixMRmUnionAllL mutant of <paramref name="original"/>,
    /// removed a branch of a union nested in the query rather than of the query's own top-level union.</summary>
    public static bool RemovesNestedBranch(string original, string mutated)
    {
        try
        {
            return TopLevelUnions(Parser.Parse(original).Root) == TopLevelUnions(Parser.Parse(mutated).Root);
        }
        catch (SqlSyntaxError)
        {
            return false; // not a conforming mutant: nothing runs
        }
    }

    // The UNION operators that join the statement's own branches, through parentheses and a WITH around them.
    private static int TopLevelUnions(Query query)
    {
        while (true)
        {
            switch (query)
            {
                case ParenQuery paren:
                    query = paren.Inner;
                    break;
                case WithQuery with:
                    query = with.Body;
                    break;
                case SetOpQuery setOp:
                    return (setOp.Kind == SetOpKind.Union ? 1 : 0) + TopLevelUnions(setOp.Left) + TopLevelUnions(setOp.Right);
                default:
                    return 0;
            }
        }
    }
}
