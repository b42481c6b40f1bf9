using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>The bytes of the current row exactly as the server sent them over the text protocol.</summary>
/// <remarks>
/// MySqlConnector offers no public way to read a numeric or date cell as text: GetString throws, and its typed
/// readers change the text (1e15 becomes 1000000000000000) or fail outright (MariaDB declares
/// <c>LAST_DAY(…) DIV c1</c> as INT and sends -200412310000, MDEV-30257: GetValue throws FormatException).
/// SEMANTICS §4 wants the server's text, so this reads the driver's private row buffer
/// (<c>MySqlDataReader.m_resultSet.m_row.{m_data, m_dataOffsetLengths}</c>, MySqlConnector 2.6.2).
/// If a driver update moves those fields, <see cref="IsAvailable"/> turns false and cells are
/// formatted from typed values instead (a test pins this to true).
/// </remarks>
internal static class RawRowAccess
{
    private static readonly Func<MySqlDataReader, RawRow>? Accessor = Build();

    public static bool IsAvailable => Accessor is not null;

    public static RawRow Current(MySqlDataReader reader) => Accessor!(reader);

    private static Func<MySqlDataReader, RawRow>? Build()
    {
        try
        {
            const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
            var resultSetField = typeof(MySqlDataReader).GetField("m_resultSet", Private);
            var rowField = resultSetField?.FieldType.GetField("m_row", Private);
            var dataField = rowField?.FieldType.GetField("m_data", Private);
            var offsetsField = rowField?.FieldType.GetField("m_dataOffsetLengths", Private);
            if (dataField?.FieldType != typeof(ReadOnlyMemory<byte>) || offsetsField?.FieldType.IsArray != true)
                return null;
            var element = offsetsField.FieldType.GetElementType()!;
            // The element must be exactly (int Offset, int Length) for the span view below.
            var fields = element.GetFields(Private);
            if (!element.IsValueType || Unsafe.SizeOf<long>() != Marshal.SizeOf(element) || fields.Length != 2
                || fields[0].Name != "<Offset>k__BackingField" || fields[1].Name != "<Length>k__BackingField")
                return null;

            var reader = Expression.Parameter(typeof(MySqlDataReader), "reader");
            var row = Expression.Field(Expression.Field(reader, resultSetField!), rowField!);
            var body = Expression.New(typeof(RawRow).GetConstructor([typeof(ReadOnlyMemory<byte>), typeof(Array)])!,
                Expression.Field(row, dataField), Expression.Convert(Expression.Field(row, offsetsField), typeof(Array)));
            return Expression.Lambda<Func<MySqlDataReader, RawRow>>(body, reader).Compile();
        }
        catch (Exception)
        {
            return null;
        }
    }
}

/// <summary>One row's buffer and the (offset, length) of each cell in it; offset −1 is SQL NULL.</summary>
internal readonly struct RawRow(ReadOnlyMemory<byte> data, Array offsets)
{
    public bool IsNull(int ordinal) => Pairs[ordinal * 2] < 0;

    public ReadOnlySpan<byte> Cell(int ordinal)
    {
        var pairs = Pairs;
        return data.Span.Slice(pairs[ordinal * 2], pairs[(ordinal * 2) + 1]);
    }

    private ReadOnlySpan<int> Pairs =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, int>(ref MemoryMarshal.GetArrayDataReference(offsets)), offsets.Length * 2);
}

/// <summary>The column definitions the server sent, read from the driver's private state: MySqlConnector exposes no
/// collation or decimals per column (<c>MySqlDataReader.m_resultSet.m_columnDefinitions</c>, 2.6.2). Used only when
/// a violation is judged again under collations, so plain reflection is fast enough.</summary>
internal static class ColumnDefinitionAccess
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    /// <summary>Type name, decimals and collation id of each column; null if the driver's layout is not the one expected.</summary>
    public static IReadOnlyList<(string Type, int Decimals, int CollationId)>? Read(MySqlDataReader reader)
    {
        try
        {
            var resultSet = typeof(MySqlDataReader).GetField("m_resultSet", Private)?.GetValue(reader);
            var memory = resultSet?.GetType().GetField("m_columnDefinitions", Private)?.GetValue(resultSet);
            if (memory?.GetType().GetMethod("ToArray")?.Invoke(memory, null) is not Array definitions)
                return null;
            var columns = new List<(string, int, int)>(definitions.Length);
            foreach (var definition in definitions)
            {
                var type = definition!.GetType();
                var columnType = type.GetProperty("ColumnType")?.GetValue(definition)?.ToString();
                var decimals = type.GetProperty("Decimals")?.GetValue(definition);
                var collation = type.GetProperty("CharacterSet")?.GetValue(definition);
                if (columnType is null || decimals is null || collation is null)
                    return null;
                columns.Add((columnType, Convert.ToInt32(decimals, System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt32(collation, System.Globalization.CultureInfo.InvariantCulture)));
            }
            return columns;
        }
        catch (Exception e) when (e is TargetInvocationException or InvalidCastException or MemberAccessException)
        {
            return null;
        }
    }
}
