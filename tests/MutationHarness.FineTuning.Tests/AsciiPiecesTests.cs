using Microsoft.ML.Tokenizers;

namespace MutationHarness.FineTuning.Tests;

public sealed class AsciiPiecesTests
{
    // Weighted towards the characters where the split rules differ: case changes, contractions,
    // digits, spaces before symbols, runs of blanks and line breaks, slashes after symbols.
    private const string Alphabet = "aAbBzZsStTmMdDrReEvVlL0123456789   \t\r\n\n''''//`(),.;-_\"<>=*%#+[]{}~@!?&|^\\$:";

    public static TheoryData<string> Encodings => ["o200k_base", "cl100k_base"];

    private static List<(int, int)> Split(string text, bool o200k)
    {
        var pieces = new List<(int, int)>();
        for (var start = 0; start < text.Length;)
        {
            var end = AsciiPieces.NextPieceEnd(text, start, o200k);
            pieces.Add((start, end - start));
            start = end;
        }
        return pieces;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_scanner_splits_random_ascii_exactly_as_the_tokenizers_regex(string encoding)
    {
        var tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
        var random = new Random(4242);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

            var expected = tokenizer.PreTokenizer!.PreTokenize(text).Select(p => (p.Offset, p.Length)).ToList();

            Assert.True(expected.SequenceEqual(Split(text, encoding == "o200k_base")), $"split differs for {System.Text.Json.JsonSerializer.Serialize(text)}");
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Fast_counts_equal_the_tokenizers_counts_on_sql_and_prose(string encoding)
    {
        var tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
        var counter = TokenCounter.ForEncoding(encoding);
        var random = new Random(7);
        for (var i = 0; i < 3_000; i++)
        {
            var text = i % 2 == 0
                ? $"SELECT DISTINCT (OCTET_LENGTH(`f{i}`)) AS `f1` FROM `table_{i % 50}_utf8_undef` WHERE `c` >= {random.NextDouble() * 1e6:F4} AND x LIKE '%{i}_%'\n  -- it's {i}'S"
                : new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

            Assert.Equal(tokenizer.CountTokens(text), counter.CountTokens(text));
        }
    }

    [Theory]
    [InlineData("SELECT 'é' FROM t")]
    [InlineData("数据库 SELECT")]
    [InlineData("vertical\vtab")]
    public void Text_outside_plain_ascii_is_left_to_the_tokenizer(string text)
    {
        var tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

        Assert.Equal(tokenizer.CountTokens(text), TokenCounter.ForEncoding("o200k_base").CountTokens(text));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_special_token_spelled_in_content_counts_as_plain_text(string encoding)
    {
        var counter = TokenCounter.ForEncoding(encoding);

        var whole = counter.CountTokens("text with <|endoftext|> inside");

        // the same pieces counted in two halves: nothing treats the spelled token as one special token
        Assert.Equal(counter.CountTokens("text with <|") + counter.CountTokens("endoftext|> inside"), whole);
        Assert.True(whole > 5);
    }
}
