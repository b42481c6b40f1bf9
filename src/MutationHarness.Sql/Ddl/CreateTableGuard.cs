using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql;

/// <summary>The guard for a model's CREATE TABLE answer: exactly one <c>CREATE TABLE name (…)</c> that names nothing
/// outside itself, so that it can run in a scratch database and nowhere else.</summary>
/// <remarks>Refused: any other statement or a second one, executable comments and hints (the lexer refuses them),
/// a qualified name (another database), TEMPORARY, LIKE and AS SELECT, foreign keys (REFERENCES), variables, and
/// table options that reach outside the database (CONNECTION, DATA/INDEX DIRECTORY, UNION, TABLESPACE, and engines
/// other than the local storage engines).</remarks>
public static class CreateTableGuard
{
    private static readonly HashSet<string> ForbiddenWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "REFERENCES", "SELECT", "UNION", "CONNECTION", "DIRECTORY", "TABLESPACE", "SERVER", "LOAD_FILE",
    };

    private static readonly HashSet<string> Engines = new(StringComparer.OrdinalIgnoreCase)
    {
        "InnoDB", "MyISAM", "Aria", "MEMORY", "HEAP",
    };

    /// <summary>Allows exactly one self-contained CREATE TABLE; the reason names what was refused otherwise.</summary>
    public static GuardResult Check(string sql)
    {
        Token[] tokens;
        try
        {
            tokens = Lexer.Tokenize(sql);
        }
        catch (SqlSyntaxError e)
        {
            return GuardResult.Rejected($"The text does not lex at {e.Line}:{e.Column}: expected {e.Expected}.");
        }
        var words = new Reader(sql, tokens);
        if (!words.Accept("CREATE"))
            return GuardResult.Rejected($"Only CREATE TABLE is allowed, not '{words.Describe()}'.");
        if (words.Accept("OR") && !words.Accept("REPLACE"))
            return GuardResult.Rejected("CREATE OR must be CREATE OR REPLACE.");
        if (words.Accept("TEMPORARY"))
            return GuardResult.Rejected("A TEMPORARY table vanishes with the session: write CREATE TABLE.");
        if (!words.Accept("TABLE"))
            return GuardResult.Rejected($"Only CREATE TABLE is allowed, not CREATE {words.Describe()}.");
        if (words.Accept("IF") && !(words.Accept("NOT") && words.Accept("EXISTS")))
            return GuardResult.Rejected("IF must be IF NOT EXISTS.");
        if (!words.AcceptName())
            return GuardResult.Rejected($"A table name is expected, not '{words.Describe()}'.");
        if (words.At(TokenKind.Dot))
            return GuardResult.Rejected("The table name is qualified by a database: only a table of its own is allowed.");
        if (!words.At(TokenKind.LParen))
            return GuardResult.Rejected($"Column definitions in parentheses are expected, not '{words.Describe()}' (LIKE and AS SELECT read other tables).");
        return Body(sql, tokens, words.Index);
    }

    private static GuardResult Body(string sql, Token[] tokens, int start)
    {
        for (var i = start; i < tokens.Length && tokens[i].Kind != TokenKind.End; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Semicolon when tokens[i + 1].Kind != TokenKind.End:
                    return GuardResult.Rejected("More than one statement.");
                case TokenKind.Variable or TokenKind.SystemVariable:
                    return GuardResult.Rejected($"A variable ('{token.Text(sql)}') has no place in a table definition.");
                case TokenKind.Word when ForbiddenWords.Contains(token.Text(sql)):
                    return GuardResult.Rejected(token.Text(sql).Equals("REFERENCES", StringComparison.OrdinalIgnoreCase)
                        ? "A foreign key (REFERENCES) names another table: only a self-contained table is allowed."
                        : $"'{token.Text(sql)}' reaches outside the table: not allowed in a graded CREATE TABLE.");
                case TokenKind.Word when token.Text(sql).Equals("ENGINE", StringComparison.OrdinalIgnoreCase):
                    var value = tokens[i + 1].Kind == TokenKind.Eq ? i + 2 : i + 1;
                    var engine = tokens[value].Text(sql).Trim('`', '\'', '"');
                    if (!Engines.Contains(engine))
                        return GuardResult.Rejected($"ENGINE={engine} is not a local storage engine (allowed: {string.Join(", ", Engines)}).");
                    break;
            }
        }
        return GuardResult.Allowed;
    }

    private sealed class Reader(string sql, Token[] tokens)
    {
        public int Index { get; private set; }

        public bool At(TokenKind kind) => tokens[Index].Kind == kind;

        public bool Accept(string word)
        {
            if (tokens[Index].Kind != TokenKind.Word || !tokens[Index].Text(sql).Equals(word, StringComparison.OrdinalIgnoreCase))
                return false;
            Index++;
            return true;
        }

        public bool AcceptName()
        {
            if (tokens[Index].Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier))
                return false;
            Index++;
            return true;
        }

        public string Describe() => tokens[Index].Kind == TokenKind.End ? "the end" : tokens[Index].Text(sql);
    }
}
