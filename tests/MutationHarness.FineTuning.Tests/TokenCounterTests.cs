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
}
