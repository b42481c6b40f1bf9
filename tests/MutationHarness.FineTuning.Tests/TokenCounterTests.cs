using System.Text.Json;
using Microsoft.ML.Tokenizers;
using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning.Tests;

public sealed class TokenCounterTests
{
    private const string Sql = "SELECT DISTINCT (OCTET_LENGTH(`f8`)) AS `f1`,(`f8`) AS `f2` FROM `table_7_utf8_undef` HAVING (NOT (CAST((FORMAT_BYTES(`f3`)) AS CHAR) LIKE '%0%')) IS TRUE";
    private const string System = "You are an expert in MySQL statement mutation. Mutate the seed sql given by user into the mutated sql according to the mutate strategy \"FixMDistinctU\":\"Distinct true -> false\".";

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void Counts_equal_the_tokenizers_own_counts(string encoding)
    {
        var tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
        var counter = TokenCounter.ForEncoding(encoding);

        foreach (var text in new[] { Sql, System, "hello world", "  leading\n\ttabs\r\n", "naïve café 数据库 😀", "1234567 + 89" })
            Assert.Equal(tokenizer.CountTokens(text), counter.CountTokens(text));
    }

    [Fact]
    public void The_example_estimate_is_content_and_role_tokens_plus_framing()
    {
        // Given the cookbook's estimate: 3 per message + every string value (role included), 1 more per name, 3 per example
        var tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");
        var example = new ChatExample([
            new ChatMessage("system", System),
            new ChatMessage("user", Sql, Name: "seed"),
            new ChatMessage("assistant", Sql.Replace("DISTINCT ", "", StringComparison.Ordinal)),
        ]);

        // When the counter estimates it
        var counter = TokenCounter.ForEncoding("o200k_base");
        var total = counter.EstimateExampleTokens(example);

        // Then it equals the tokenizer's counts plus the framing
        var expected = 3;
        foreach (var m in example.Messages)
            expected += 3 + tokenizer.CountTokens(m.Role) + tokenizer.CountTokens(m.Content) + (m.Name is null ? 0 : 1 + tokenizer.CountTokens(m.Name));
        Assert.Equal(expected, total);
        Assert.Equal(tokenizer.CountTokens(example.Messages[2].Content), counter.CountAssistantTokens(example));
    }

    [Fact]
    public void Counters_are_loaded_once_per_encoding()
    {
        Assert.Same(TokenCounter.ForEncoding("o200k_base"), TokenCounter.ForEncoding("o200k_base"));
        Assert.NotSame(TokenCounter.ForEncoding("o200k_base"), TokenCounter.ForEncoding("cl100k_base"));
    }

    [Fact]
    public void Counting_on_many_threads_gives_the_same_counts_as_one_thread()
    {
        var counter = TokenCounter.ForEncoding("cl100k_base");
        var texts = Enumerable.Range(0, 2000).Select(i => $"SELECT c{i}, '{i * 7919}' FROM t{i % 13} WHERE x{i} >= {i} -- {new string('z', i % 50)}").ToArray();
        var sequential = texts.Select(counter.CountTokens).ToArray();

        var parallel = new int[texts.Length];
        Parallel.For(0, texts.Length, i => parallel[i] = counter.CountTokens(texts[i]));

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void Text_that_spells_a_special_token_counts_as_plain_text_whatever_else_the_message_holds(string encoding)
    {
        // Given the library, which takes "<|endoftext|>" for its one special token
        var tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
        var counter = TokenCounter.ForEncoding(encoding);
        Assert.Equal(1, tokenizer.CountTokens("<|endoftext|>"));

        // Then alone (plain ASCII, through the scanner) it is several ordinary tokens
        Assert.Equal(PlainCount(tokenizer, encoding, "<|endoftext|>"), counter.CountTokens("<|endoftext|>"));
        Assert.True(counter.CountTokens("<|endoftext|>") > 1);

        // And beside non-ASCII text (which the scanner does not take) it is still plain text
        foreach (var text in new[] { "数据库 <|endoftext|> café", "naïve<|fim_prefix|>x", "é\n<|endofprompt|>" })
            Assert.Equal(PlainCount(tokenizer, encoding, text), counter.CountTokens(text));
        Assert.True(counter.CountTokens("数据库 <|endoftext|> café") > tokenizer.CountTokens("数据库 <|endoftext|> café"));
    }

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void The_plain_text_split_is_the_tokenizers_own_wherever_no_special_token_occurs(string encoding)
    {
        var tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
        var alphabet = "aZé数据库Ωßÿ\u00A0\t\n\r\u000B0123٣'sSllVE<|>/_-.,;()\"\u0301\u2028 😀";
        var random = new Random(99);
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]));

            var expected = tokenizer.PreTokenizer!.PreTokenize(text).Select(p => (p.Offset, p.Length));

            Assert.True(expected.SequenceEqual(Split(encoding, text)), $"split differs for {JsonSerializer.Serialize(text)}");
        }
    }

    [Theory]
    [InlineData("o200k_base")]
    [InlineData("cl100k_base")]
    public void The_plain_text_split_agrees_with_the_ascii_scanner_on_special_token_text(string encoding)
    {
        foreach (var text in new[] { "<|endoftext|>", "a <|endoftext|> b", "SELECT '<|fim_middle|>' FROM t", " <|endofprompt|>\n" })
        {
            var scanned = new List<(int, int)>();
            for (var start = 0; start < text.Length;)
            {
                var end = AsciiPieces.NextPieceEnd(text, start, encoding == "o200k_base");
                scanned.Add((start, end - start));
                start = end;
            }
            Assert.Equal(scanned, Split(encoding, text));
        }
    }

    private static List<(int Index, int Length)> Split(string encoding, string text)
    {
        var pieces = new List<(int, int)>();
        foreach (var match in PlainTextSplit.For(encoding == "o200k_base").EnumerateMatches(text))
            pieces.Add((match.Index, match.Length));
        return pieces;
    }

    // Each piece of the plain-text split counted by the library on its own (no split, so no special-token step).
    private static int PlainCount(Tokenizer tokenizer, string encoding, string text) =>
        Split(encoding, text).Sum(p => tokenizer.CountTokens(text.AsSpan(p.Index, p.Length), considerPreTokenization: false, considerNormalization: false));
}
