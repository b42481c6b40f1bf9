namespace MutationHarness.FineTuning.Tests;

/// <summary>Ready-made JSONL lines for inspection tests.</summary>
internal static class Lines
{
    public static string Valid(int i) =>
        $$"""{"messages":[{"role":"system","content":"You are an expert in MySQL statement mutation. Mutate it."},{"role":"user","content":"SELECT {{i}} FROM t WHERE c > {{i}}"},{"role":"assistant","content":"SELECT {{i}} FROM t WHERE c >= {{i}}"}]}""";

    public static string ValidFile(int count) => string.Concat(Enumerable.Range(1, count).Select(i => Valid(i) + "\n"));
}
