using MutationHarness.Databases.Quirks;
using MutationHarness.Sql;

namespace MutationHarness.Evaluation;

/// <summary>The unknown names of an answer as static resolution finds them, in the terms of the scorecard.</summary>
internal static class StaticNames
{
    public static IReadOnlyList<HallucinatedIdentifier> Unknown(string sql, SchemaCatalog catalog)
    {
        try
        {
            return NameResolver.Resolve(sql, catalog).Select(n => new HallucinatedIdentifier(
                n.Kind.ToString().ToLowerInvariant(),
                n.Qualifier is null ? n.Name : $"{n.Qualifier}.{n.Name}",
                n.Kind switch
                {
                    UnknownNameKind.Table => ServerErrors.UnknownTable,
                    UnknownNameKind.Function => ServerErrors.UnknownFunction,
                    _ => ServerErrors.UnknownColumn,
                },
                $"{n.Line}:{n.Column}")).ToList();
        }
        catch (SqlSyntaxError)
        {
            return []; // what does not parse has no names to resolve; the server's error stands alone
        }
    }
}
