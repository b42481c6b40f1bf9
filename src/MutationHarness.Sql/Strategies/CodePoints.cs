namespace MutationHarness.Sql.Strategies;

/// <summary>One character per code point, as the server counts a pattern's characters: each character outside the
/// Basic Multilingual Plane (two UTF-16 units) stands in, while the per-character rules read it, as a private-use
/// character that none of the texts holds, and is put back after. Without it <c>'😀b'</c> → <c>'%b'</c> read as a
/// change of length, and a mutation could replace half of a surrogate pair.</summary>
internal sealed class CodePoints
{
    private readonly Dictionary<string, char> _narrow = new(StringComparer.Ordinal);
    private readonly Dictionary<char, string> _wide = [];

    /// <summary>An alphabet for these texts: the stand-ins of their astral characters, none of them in any text.</summary>
    public CodePoints(params string[] texts)
    {
        var used = new HashSet<char>(texts.SelectMany(t => t));
        var next = '\uE000';
        foreach (var text in texts)
        {
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (!char.IsSurrogatePair(text[i], text[i + 1]) || _narrow.ContainsKey(text.Substring(i, 2)))
                {
                    continue;
                }

                while (next <= '\uF8FF' && used.Contains(next))
                {
                    next++;
                }

                if (next > '\uF8FF')
                {
                    return; // more astral characters than stand-ins: the rest keep their two units
                }

                (_narrow[text.Substring(i, 2)], _wide[next]) = (next, text.Substring(i, 2));
                next++;
            }
        }
    }

    /// <summary>The text with each astral character as its one-unit stand-in.</summary>
    public string Narrow(string text) => _narrow.Count == 0 ? text : Replace(text, 2, s => _narrow.TryGetValue(s, out var c) ? c.ToString() : null);

    /// <summary>The text with each stand-in back as the astral character it stands for.</summary>
    public string Widen(string text) => _wide.Count == 0 ? text : Replace(text, 1, s => _wide.GetValueOrDefault(s[0]));

    private static string Replace(string text, int width, Func<string, string?> map)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + width <= text.Length && map(text.Substring(i, width)) is { } mapped)
            {
                result.Append(mapped);
                i += width - 1;
                continue;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }
}
