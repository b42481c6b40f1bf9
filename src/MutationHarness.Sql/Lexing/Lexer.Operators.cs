namespace MutationHarness.Sql.Lexing;

/// <summary>Punctuation and operators, longest match first.</summary>
internal sealed partial class Lexer
{
    private void LexOperator(int start, char c)
    {
        var next = At(_pos + 1);
        var (kind, length) = c switch
        {
            '(' => (TokenKind.LParen, 1),
            ')' => (TokenKind.RParen, 1),
            '{' => (TokenKind.LBrace, 1),
            '}' => (TokenKind.RBrace, 1),
            ',' => (TokenKind.Comma, 1),
            '.' => (TokenKind.Dot, 1),
            ';' => (TokenKind.Semicolon, 1),
            '*' => (TokenKind.Star, 1),
            '+' => (TokenKind.Plus, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            '^' => (TokenKind.Caret, 1),
            '~' => (TokenKind.Tilde, 1),
            '?' => (TokenKind.Param, 1),
            '=' => (TokenKind.Eq, 1),
            '-' when next == '>' => At(_pos + 2) == '>' ? (TokenKind.DoubleArrow, 3) : (TokenKind.Arrow, 2),
            '-' => (TokenKind.Minus, 1),
            '<' when next == '=' => At(_pos + 2) == '>' ? (TokenKind.NullSafeEq, 3) : (TokenKind.Le, 2),
            '<' when next == '>' => (TokenKind.Ne, 2),
            '<' when next == '<' => (TokenKind.Shl, 2),
            '<' => (TokenKind.Lt, 1),
            '>' when next == '=' => (TokenKind.Ge, 2),
            '>' when next == '>' => (TokenKind.Shr, 2),
            '>' => (TokenKind.Gt, 1),
            '!' when next == '=' => (TokenKind.Ne, 2),
            '!' => (TokenKind.Bang, 1),
            ':' when next == '=' => (TokenKind.Assign, 2),
            '|' when next == '|' => (TokenKind.PipePipe, 2),
            '|' => (TokenKind.Pipe, 1),
            '&' when next == '&' => (TokenKind.AmpAmp, 2),
            '&' => (TokenKind.Amp, 1),
            _ => (TokenKind.End, 0),
        };
        if (length == 0)
        {
            throw SqlSyntaxError.At(_source, start, "a token", LexerRules.Show(c));
        }

        _pos += length;
        Add(kind, start);
    }
}
