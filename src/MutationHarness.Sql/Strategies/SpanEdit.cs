namespace MutationHarness.Sql.Strategies;

/// <summary>A rewrite as a text edit: the source span [Start, End) replaced by <see cref="Replacement"/>; everything
/// else stays byte-identical. The parsed tree is never changed.</summary>
internal readonly record struct SpanEdit(int Start, int End, string Replacement)
{
    public static SpanEdit Insert(int at, string text) => new(at, at, text);

    public static SpanEdit Remove(int start, int end) => new(start, end, string.Empty);

    public string ApplyTo(string source) =>
        string.Concat(source.AsSpan(0, Start), Replacement, source.AsSpan(End));
}
