namespace MutationHarness.FineTuning;

/// <summary>Which tiktoken encoding a model family uses, for table entries that name none.</summary>
public static class ModelFamilies
{
    private static readonly string[] O200kPrefixes = ["gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4"];
    private static readonly string[] Cl100kPrefixes = ["gpt-4", "gpt-3.5", "gpt-35", "davinci-002", "babbage-002"];

    /// <summary>o200k_base for the gpt-4o, 4.1 and 5 families and the o-series; cl100k_base for gpt-4, gpt-3.5 and older; null when unknown.</summary>
    public static string? EncodingFor(string model)
    {
        // The o200k prefixes go first: "gpt-4o" and "gpt-4.1" also start with "gpt-4".
        var name = model.StartsWith("ft:", StringComparison.OrdinalIgnoreCase) ? model[3..] : model;
        if (O200kPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            return "o200k_base";
        return Cl100kPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? "cl100k_base" : null;
    }
}
