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

        var saved = BeginChain();
        var left = ParseBinaryLevel(level + 1);
        var height = ChainHeight;
        while (BinaryAt(level) is { } op)
        {
            var token = Advance();
            Enter();
            var right = ParseBinaryLevel(level + 1);
            Exit();
            height = Link(height);
            left = new BinaryExpr(left, op, right, token.Start, token.End);
        }

        EndChain(saved);
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
        Descend();
        var operand = ParseUnary();
        Ascend();
        return new UnaryExpr(start, operand.End, op.Value, operand);
    }

    private Expr ParseCollate()
    {
        var saved = BeginChain();
        var value = ParsePrimary();
        var height = ChainHeight;
        while (true)
        {
            if (At(Keyword.COLLATE))
            {
                Advance();
                var name = At(TokenKind.String) ? StringValue(Advance()) : ExpectIdentifier("a collation");
                Enter();
                Exit();
                height = Link(height);
                value = new CollateExpr(value, name, PreviousEnd);
            }
            else if (At(TokenKind.Arrow) || At(TokenKind.DoubleArrow))
            {
                var op = Advance();
                Enter();
                var path = ParsePrimary();
                Exit();
                height = Link(height);
                value = new BinaryExpr(value, op.Kind == TokenKind.Arrow ? BinaryOp.JsonExtract : BinaryOp.JsonUnquote, path, op.Start, op.End);
            }
            else
            {
                EndChain(saved);
                return value;
            }
        }
    }
}
