using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Bit, arithmetic and unary operators, COLLATE and JSON arrows.</summary>
internal sealed partial class Parser
{
    private Expr ParseBitOr() => ParseBinaryLevel(0);

    /// <summary>Levels, loosest first: | then &amp; then shifts then + - then * / DIV % MOD then ^.</summary>
    private Expr ParseBinaryLevel(int level)
    {
        if (level == 6)
        {
            return ParseUnary();
        }

        var left = ParseBinaryLevel(level + 1);
        while (BinaryAt(level) is { } op)
        {
            var token = Advance();
            left = new BinaryExpr(left, op, ParseBinaryLevel(level + 1), token.Start, token.End);
        }

        return left;
    }

    private BinaryOp? BinaryAt(int level)
    {
        var token = Current;
        return level switch
        {
            0 when token.Kind == TokenKind.Pipe => BinaryOp.BitOr,
            1 when token.Kind == TokenKind.Amp => BinaryOp.BitAnd,
            2 when token.Kind == TokenKind.Shl => BinaryOp.Shl,
            2 when token.Kind == TokenKind.Shr => BinaryOp.Shr,
            3 when token.Kind == TokenKind.Plus => BinaryOp.Add,
            3 when token.Kind == TokenKind.Minus => BinaryOp.Sub,
            4 when token.Kind == TokenKind.Star => BinaryOp.Mul,
            4 when token.Kind == TokenKind.Slash => BinaryOp.Div,
            4 when token.Kind == TokenKind.Percent => BinaryOp.Mod,
            4 when token.Kind == TokenKind.Word && token.Keyword == Keyword.DIV => BinaryOp.IntDiv,
            4 when token.Kind == TokenKind.Word && token.Keyword == Keyword.MOD => BinaryOp.Mod,
            5 when token.Kind == TokenKind.Caret => BinaryOp.BitXor,
            _ => null,
        };
    }

    private Expr ParseUnary()
    {
        UnaryOp? op = Current.Kind switch
        {
            TokenKind.Minus => UnaryOp.Minus,
            TokenKind.Plus => UnaryOp.Plus,
            TokenKind.Tilde => UnaryOp.BitNot,
            TokenKind.Bang => UnaryOp.Bang,
            TokenKind.Word when Current.Keyword == Keyword.BINARY => UnaryOp.Binary,
            _ => null,
        };
        if (op is null)
        {
            return ParseCollate();
        }

        var start = Advance().Start;
        var operand = ParseUnary();
        return new UnaryExpr(start, operand.End, op.Value, operand);
    }

    private Expr ParseCollate()
    {
        var value = ParsePrimary();
        while (true)
        {
            if (At(Keyword.COLLATE))
            {
                Advance();
                var name = At(TokenKind.String) ? StringValue(Advance()) : ExpectIdentifier("a collation");
                value = new CollateExpr(value, name, PreviousEnd);
            }
            else if (At(TokenKind.Arrow) || At(TokenKind.DoubleArrow))
            {
                var op = Advance();
                var path = ParsePrimary();
                value = new BinaryExpr(value, op.Kind == TokenKind.Arrow ? BinaryOp.JsonExtract : BinaryOp.JsonUnquote, path, op.Start, op.End);
            }
            else
            {
                return value;
            }
        }
    }
}
