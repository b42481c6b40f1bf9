using System.Reflection;

namespace MutationHarness.Sql;

/// <summary>The functions every MariaDB and MySQL server has, read from <c>Names/builtin-functions.txt</c>.</summary>
internal static class BuiltinFunctions
{
    private static readonly Lazy<HashSet<string>> Names = new(Load);

    public static bool Contains(string name) => Names.Value.Contains(name);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MutationHarness.Sql.builtin-functions.txt")
            ?? throw new InvalidOperationException("the built-in function list is missing from the assembly");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                names.Add(line.Trim());
        }
        return names;
    }
}
