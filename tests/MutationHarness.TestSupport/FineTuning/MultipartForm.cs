using System.Text;

namespace MutationHarness.TestSupport.FineTuning;

/// <summary>The parts of a multipart/form-data body: each field's value, and the file's name and bytes.</summary>
internal sealed record MultipartForm(IReadOnlyDictionary<string, string> Fields, string? FileName, byte[] File)
{
    public static MultipartForm Parse(string contentType, byte[] body)
    {
        var boundary = contentType.Split(';').Select(p => p.Trim()).First(p => p.StartsWith("boundary=", StringComparison.Ordinal))["boundary=".Length..].Trim('"');
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? fileName = null;
        var file = Array.Empty<byte>();
        var at = IndexOf(body, delimiter, 0);
        while (at >= 0)
        {
            var start = at + delimiter.Length;
            if (start + 2 <= body.Length && body[start] == '-' && body[start + 1] == '-')
                break;
            var headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), start);
            var next = IndexOf(body, delimiter, headersEnd);
            var headers = Encoding.UTF8.GetString(body, start, headersEnd - start);
            var content = body[(headersEnd + 4)..(next - 2)]; // the part ends with CRLF before the delimiter
            var name = Attribute(headers, "name");
            if (Attribute(headers, "filename") is { } given)
                (fileName, file) = (given, content);
            else if (name is not null)
                fields[name] = Encoding.UTF8.GetString(content);
            at = next;
        }
        return new MultipartForm(fields, fileName, file);
    }

    // Content-Disposition: form-data; name=file; filename=t.jsonl (quoted or not)
    private static string? Attribute(string headers, string name) =>
        headers.Split("\r\n").Where(h => h.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Split(';').Skip(1))
            .Select(p => p.Trim().Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == name)
            .Select(p => p[1].Trim('"'))
            .FirstOrDefault();

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        var found = haystack.AsSpan(from).IndexOf(needle);
        return found < 0 ? -1 : from + found;
    }
}
