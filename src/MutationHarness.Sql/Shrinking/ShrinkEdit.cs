namespace MutationHarness.Sql.Shrinking;

/// <summary>One way to make a statement smaller: delete some spans of it, or keep only one span (a derived table's query).</summary>
internal sealed record ShrinkEdit(string Description, IReadOnlyList<(int Start, int End)> Deletions, (int Start, int End)? Keep = null)
{
    public static ShrinkEdit Delete(string description, params (int Start, int End)[] spans) => new(description, spans);

    public static ShrinkEdit KeepOnly(string description, int start, int end) => new(description, [], (start, end));

    /// <summary>A piece of SQL on one line, cut to 40 characters, for descriptions.</summary>
    public static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]) [' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 40 ? flat : flat[..37] + "…";
    }
}
