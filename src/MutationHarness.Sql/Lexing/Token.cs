namespace MutationHarness.Sql.Lexing;

/// <summary>One significant token: its kind, its span in the source and, for words, the keyword it spells.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, Keyword Keyword)
{
    public int End => Start + Length;

    public bool Is(Keyword keyword) => Keyword == keyword;

    public string Text(string source) => source.Substring(Start, Length);

    public ReadOnlySpan<char> Span(string source) => source.AsSpan(Start, Length);
}
