using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Printing;

/// <summary>Expressions, with parentheses only where precedence needs them.</summary>
internal sealed partial class NormalPrinter
{
    private void PrintExpr(Expr expr)
    {
        var start = Begin();
        var inner = Precedence.Unwrap(expr);
        switch (inner)
        {
            case Literal literal:
                PrintLiteral(literal);
                break;
            case NameExpr name:
                PrintName(name);
                break;
            case BinaryExpr binary:
                PrintBinary(binary);
                break;
            case UnaryExpr unary:
                PrintUnary(unary);
                break;
            default:
                PrintOther(inner);
                break;
        }

        if (!ReferenceEquals(inner, expr))
        {
            Finish(inner, start);
        }

        Finish(expr, start);
    }

    /// <summary>Prints an operand, in parentheses when it binds looser than its context requires.</summary>
    private void PrintOperand(Expr operand, int minimum)
    {
        if (Precedence.Of(operand) < minimum)
        {
            _output.Append('(');
            PrintExpr(operand);
            _output.Append(')');
        }
        else
        {
            PrintExpr(operand);
        }
    }

    private void PrintLiteral(Literal literal)
    {
        switch (literal.Kind)
        {
            case LiteralKind.String or LiteralKind.Typed:
                if (literal.Prefix is not null)
                {
                    _output.Append(literal.Kind == LiteralKind.Typed ? literal.Prefix : literal.Prefix.ToLowerInvariant()).Append(literal.Kind == LiteralKind.Typed ? " " : string.Empty);
                }

                SqlStrings.Encode(_output, StringValue(literal));
                break;
            case LiteralKind.Hex or LiteralKind.Bit:
                if (literal.Prefix is not null)
                {
                    _output.Append(literal.Prefix.ToLowerInvariant());
                }

                _output.Append(literal.Text.ToLowerInvariant());
                break;
            default:
                _output.Append(literal.Text);
                break;
        }
    }

    /// <summary>The value of a string literal, adjacent pieces concatenated.</summary>
    public string StringValue(Literal literal) => LiteralValues.Of(_tree.Source, literal);

    private void PrintName(NameExpr name)
    {
        if (name.Parts.Count == 1 && name.Parts[0].Length > 0 && name.Parts[0][0] is '@' or '?')
        {
            _output.Append(name.Parts[0].ToLowerInvariant());
            return;
        }

        for (var i = 0; i < name.Parts.Count; i++)
        {
            if (i > 0)
            {
                _output.Append('.');
            }

            // The last part is the column; the parts before it name its table and schema.
            if (i < name.Parts.Count - 1 || name.Star)
            {
                ExactName(name.Parts[i]);
            }
            else
            {
                Name(name.Parts[i]);
            }
        }

        if (name.Star)
        {
            _output.Append(name.Parts.Count > 0 ? ".*" : "*");
        }
    }

    private void PrintBinary(BinaryExpr binary)
    {
        var level = Precedence.Of(binary.Op);
        // SOUNDS LIKE and MEMBER OF take a bit expression on the left, like the other predicates.
        PrintOperand(binary.Left, level == Precedence.Predicate ? level + 1 : level);
        _output.Append(' ').Append(Precedence.Text(binary.Op)).Append(' ');
        PrintOperand(binary.Right, level + 1);
    }

    private void PrintUnary(UnaryExpr unary)
    {
        var level = Precedence.Of(unary);
        _output.Append(unary.Op switch
        {
            UnaryOp.Minus => "-",
            UnaryOp.Plus => "+",
            UnaryOp.BitNot => "~",
            UnaryOp.Bang => "!",
            UnaryOp.Not => "NOT ",
            _ => "BINARY ",
        });
        var operand = Precedence.Unwrap(unary.Operand);
        if (unary.Op is UnaryOp.Minus or UnaryOp.Plus && Precedence.Of(operand) >= level
            && (operand is UnaryExpr { Op: UnaryOp.Minus or UnaryOp.Plus } || operand is Literal { Kind: LiteralKind.Number } number && number.Text.StartsWith('-')))
        {
            _output.Append(' ');
        }

        PrintOperand(unary.Operand, unary.Op == UnaryOp.Binary ? Precedence.Unary : level);
    }

    private void PrintList(List<Expr> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _output.Append(", ");
            }

            PrintExpr(items[i]);
        }
    }
}
