namespace MutationHarness.FineTuning;

/// <summary>
/// The tiktoken pre-tokenization split (cl100k_base and o200k_base patterns) for plain ASCII text,
/// written out as a scanner: the library's regex is the bottleneck of counting, and on ASCII the
/// patterns' Unicode classes reduce to a few character tests. Tests check it against the library's
/// own pre-tokenizer on random text. Characters above ASCII count as symbols; callers send none.
/// </summary>
internal static class AsciiPieces
{
    private const byte Upper = 1, Lower = 2, Digit = 4, Space = 8, Newline = 16;
    private const byte Letter = Upper | Lower;
    private static readonly byte[] Classes = BuildClasses();

    /// <summary>The end of the piece that starts at <paramref name="start"/>.</summary>
    public static int NextPieceEnd(ReadOnlySpan<char> text, int start, bool o200k)
    {
        var c = text[start];
        var kind = Class(c);
        // cl100k's first alternative: a contraction on its own.
        if (!o200k && c == '\'' && Contraction(text, start) is > 0 and var length)
            return start + length;
        // Letters, after at most one character that is no letter, digit or newline.
        var letters = (kind & Letter) != 0 ? start
            : (kind & (Digit | Newline)) == 0 && start + 1 < text.Length && (Class(text[start + 1]) & Letter) != 0 ? start + 1
            : -1;
        if (letters >= 0)
            return o200k ? CasedWordEnd(text, letters) : RunEnd(text, letters, Letter);
        if (kind == Digit)
            return Math.Min(RunEnd(text, start, Digit), start + 3);
        // Symbols, after at most one space, then the line breaks (and, for o200k, slashes) that follow.
        var symbols = c == ' ' && start + 1 < text.Length && Class(text[start + 1]) == 0 ? start + 1 : start;
        if (Class(text[symbols]) == 0)
        {
            var end = symbols + 1;
            while (end < text.Length && Class(text[end]) == 0)
                end++;
            while (end < text.Length && (text[end] is '\r' or '\n' || (o200k && text[end] == '/')))
                end++;
            return end;
        }
        return WhitespaceEnd(text, start, o200k);
    }

    // o200k: upper-case letters then lower-case ones (or upper-case alone), then an optional contraction.
    private static int CasedWordEnd(ReadOnlySpan<char> text, int start)
    {
        var end = RunEnd(text, RunEnd(text, start, Upper), Lower);
        return end + Contraction(text, end);
    }

    // (cl100k only: a run that ends the text is one piece;) then \s*[\r\n] up to the last newline
    // of the run; else \s+(?!\S), which leaves the last space to the next word; else one space.
    private static int WhitespaceEnd(ReadOnlySpan<char> text, int start, bool o200k)
    {
        var end = RunEnd(text, start, Space | Newline);
        if (!o200k && end == text.Length)
            return end;
        var lastNewline = text[start..end].LastIndexOfAny('\r', '\n');
        if (lastNewline >= 0)
            return start + lastNewline + 1;
        if (end == text.Length || end - start == 1)
            return end;
        return end - 1;
    }

    // 's 't 're 've 'm 'll 'd, any case; the length matched or 0.
    private static int Contraction(ReadOnlySpan<char> text, int at)
    {
        if (at + 1 >= text.Length || text[at] != '\'')
            return 0;
        var first = char.ToLowerInvariant(text[at + 1]);
        if (first is 's' or 't' or 'm' or 'd')
            return 2;
        if (at + 2 >= text.Length)
            return 0;
        var second = char.ToLowerInvariant(text[at + 2]);
        return (first, second) is ('r', 'e') or ('v', 'e') or ('l', 'l') ? 3 : 0;
    }

    private static int RunEnd(ReadOnlySpan<char> text, int start, byte members)
    {
        var end = start;
        while (end < text.Length && (Class(text[end]) & members) != 0)
            end++;
        return end;
    }

    private static byte Class(char c) => c < 128 ? Classes[c] : (byte)0;

    private static byte[] BuildClasses()
    {
        var classes = new byte[128];
        for (var c = 'A'; c <= 'Z'; c++)
            classes[c] = Upper;
        for (var c = 'a'; c <= 'z'; c++)
            classes[c] = Lower;
        for (var c = '0'; c <= '9'; c++)
            classes[c] = Digit;
        classes[' '] = classes['\t'] = classes['\v'] = classes['\f'] = Space;
        classes['\r'] = classes['\n'] = Newline;
        return classes;
    }
}
