using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Mutation;

/// <summary>One strategy applied at one node; <see cref="Pattern"/> is the new pattern value for the RdM* strategies.</summary>
internal sealed record Rewrite(Strategy Strategy, Node Target, string? Pattern = null);
