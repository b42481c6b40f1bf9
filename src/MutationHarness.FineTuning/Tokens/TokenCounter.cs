using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;
using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>Counts tokens with a model's tiktoken encoding and estimates an example's size as the public cookbook does.</summary>
public sealed class TokenCounter
{
    // The public estimate: 3 tokens of framing per message, 1 more for a name, 3 per example
    // (the reply primer). Like the cookbook, every string value of a message is counted,
    // the role included, so our figures match the user's Python report.
    private const int TokensPerMessage = 3;
    private const int TokensPerName = 1;
    private const int TokensPerExample = 3;
    private const int MaxRememberedTexts = 4096;

    private static readonly ConcurrentDictionary<string, Lazy<TokenCounter>> Counters = new(StringComparer.Ordinal);

    private readonly Tokenizer _tokenizer;
    private readonly FastPieceCounter? _fast;
    private readonly ConcurrentDictionary<string, int> _remembered = new(StringComparer.Ordinal);

    private TokenCounter(string encoding, Tokenizer tokenizer)
    {
        Encoding = encoding;
        _tokenizer = tokenizer;
        _fast = FastPieceCounter.TryCreate(encoding, tokenizer);
    }

    /// <summary>The tiktoken encoding name, such as <c>o200k_base</c>.</summary>
    public string Encoding { get; }

    /// <summary>The shared counter for an encoding (loading a tokenizer is slow, so each is loaded once).</summary>
    public static TokenCounter ForEncoding(string encoding) =>
        Counters.GetOrAdd(encoding, e => new Lazy<TokenCounter>(() => new TokenCounter(e, TiktokenTokenizer.CreateForEncoding(e)))).Value;

    /// <summary>The shared counter for a model's encoding.</summary>
    public static TokenCounter ForModel(ModelSpec model) => ForEncoding(model.Encoding);

    /// <summary>The number of tokens the encoding turns a text into.</summary>
    public int CountTokens(string text) =>
        text.Length == 0 ? 0 : _fast?.TryCount(text) ?? _tokenizer.CountTokens(text);

    /// <summary>The estimated tokens of a whole example, framing included (an estimate, as the service's own count may differ slightly).</summary>
    public int EstimateExampleTokens(ChatExample example)
    {
        var total = TokensPerExample;
        foreach (var message in example.Messages)
        {
            total += TokensPerMessage + CountRepeated(message.Role) + CountMessageContent(message);
            if (message.Name is not null)
                total += TokensPerName + CountTokens(message.Name);
        }
        return total;
    }

    /// <summary>The tokens of the assistant messages' content in an example (the part the model is trained to produce).</summary>
    public int CountAssistantTokens(ChatExample example)
    {
        var total = 0;
        foreach (var message in example.Messages)
        {
            if (message.Role == ChatRoles.Assistant)
                total += CountMessageContent(message);
        }
        return total;
    }

    private int CountMessageContent(ChatMessage message) =>
        message.Role == ChatRoles.System ? CountRepeated(message.Content) : CountTokens(message.Content);

    // System messages and roles repeat across a dataset (one text per strategy and dbms), so
    // their counts are remembered; a bounded table keeps memory flat on odd files.
    private int CountRepeated(string text)
    {
        if (_remembered.TryGetValue(text, out var count))
            return count;
        count = CountTokens(text);
        if (_remembered.Count < MaxRememberedTexts)
            _remembered.TryAdd(text, count);
        return count;
    }
}
