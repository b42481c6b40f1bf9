using System.Xml;

namespace MutationHarness.Core.Text;

/// <summary>Text made fit for XML 1.0 (JUnit files): seeds carry real control characters ('\t3', '3\n'), and XML 1.0 cannot
/// hold most of them, so each character it cannot hold becomes U+FFFD.</summary>
public static class XmlSafeText
{
    /// <summary>The text with every character XML 1.0 cannot hold replaced by U+FFFD.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));
    }
}
