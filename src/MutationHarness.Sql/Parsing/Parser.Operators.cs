using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Bit, arithmetic and unary operators, COLLATE and JSON arrows.</summary>
internal sealed partial class Parser
{
    private Expr ParseBitOr() => ParseChain(3);

    /// <summary>A left-deep chain of binary operators at one level, loosest first: OR, XOR, AND (over NOT), then
    /// | then &amp; then shifts then + - then * / DIV % MOD then ^ (over the unary operators).</summary>
    private Expr ParseChain(int level)
    {
        var saved = BeginChain();
        var left = ParseChainOperand(level);
        var height = ChainHeight;
        while (OperatorAt(level) is { } op)
        {
            var token = Advance();
            Enter();
            var right = ParseChainOperand(level);
            Exit();
            height = Link(height);
            left = new BinaryExpr(left, op, right, token.Start, token.End);
        }

        EndChain(saved);
        return left;
    }

    private Expr ParseChainOperand(int level) => level switch
    {
        2 => ParseNot(),
        8 => ParseUnary(),
        _ => ParseChain(level + 1),
    };

    private BinaryOp? OperatorAt(int level)
    {
        var token = Current;
        var word = token.Kind == TokenKind.Word ? token.Keyword : Keyword.None;
        return level switch
        {
            0 when word == Keyword.OR || token.Kind == TokenKind.PipePipe => BinaryOp.Or,
            1 when word == Keyword.XOR => BinaryOp.Xor,
            2 when word == Keyword.AND || token.Kind == TokenKind.AmpAmp => BinaryOp.And,
            3 when token.Kind == TokenKind.Pipe => BinaryOp.BitOr,
            4 when token.Kind == TokenKind.Amp => BinaryOp.BitAnd,
            5 when token.Kind == TokenKind.Shl => BinaryOp.Shl,
            5 when token.Kind == TokenKind.Shr => BinaryOp.Shr,
            6 when token.Kind == TokenKind.Plus => BinaryOp.Add,
            6 when token.Kind == TokenKind.Minus => BinaryOp.Sub,
            7 when token.Kind == TokenKind.Star => BinaryOp.Mul,
            7 when token.Kind == TokenKind.Slash => BinaryOp.Div,
            7 when token.Kind == TokenKind.Percent => BinaryOp.Mod,
            7 when word == Keyword.DIV => BinaryOp.IntDiv,
            7 when word == Keyword.MOD => BinaryOp.Mod,
            8 when token.Kind == TokenKind.Caret => BinaryOp.BitXor,
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
