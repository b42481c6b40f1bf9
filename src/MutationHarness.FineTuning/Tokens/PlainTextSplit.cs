using System.Text.RegularExpressions;

namespace MutationHarness.FineTuning;

/// <summary>
/// The tiktoken split patterns of cl100k_base and o200k_base, without the special-token split the
/// library puts before them: message content is plain text to the service, so "&lt;|endoftext|&gt;"
/// in a message is a few ordinary tokens, never the one special token. Tests hold these patterns
/// equal to the library's pre-tokenizer on text without special tokens.
/// </summary>
internal static partial class PlainTextSplit
{
    public static Regex For(bool o200k) => o200k ? O200k() : Cl100k();

    [GeneratedRegex(@"'(?i:[sdmt]|ll|ve|re)|(?>[^\r\n\p{L}\p{N}]?)(?>\p{L}+)|(?>\p{N}{1,3})| ?(?>[^\s\p{L}\p{N}]+)(?>[\r\n]*)|(?>\s+)$|\s*[\r\n]|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Cl100k();

    [GeneratedRegex(@"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex O200k();
}
