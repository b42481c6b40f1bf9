using System.Text;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql;

/// <summary>The shape of a statement: its keywords, operators and function names, with every identifier written <c>id</c>
/// and every literal <c>?</c>. Two pairs that hit the same bug through different columns and values share a shape.</summary>
public static class SqlShape
{
    /// <summary>The statement's shape; text the lexer refuses is its own shape (nothing to share).</summary>
    public static string Of(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        Token[] tokens;
        try
        {
            tokens = Lexer.Tokenize(sql);
        }
        catch (SqlSyntaxError)
        {
            return sql;
        }

        var shape = new StringBuilder();
        for (var i = 0; i < tokens.Length && tokens[i].Kind != TokenKind.End; i++)
        {
            var token = tokens[i];
            var calls = i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.LParen;
            var word = token.Kind switch
            {
                TokenKind.Word when token.Keyword != Keyword.None || calls => token.Text(sql).ToUpperInvariant(),
                TokenKind.Word or TokenKind.QuotedIdentifier => "id",
                TokenKind.String or TokenKind.Number or TokenKind.HexLiteral or TokenKind.BitLiteral => "?",
                _ => token.Text(sql),
            };
            if (shape.Length > 0)
                shape.Append(' ');
            shape.Append(word);
        }
        return shape.ToString();
    }
}
