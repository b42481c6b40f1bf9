using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>A parsed statement: its text, its tokens and its root query.</summary>
internal sealed record SyntaxTree(string Source, Token[] Tokens, Query Root);
