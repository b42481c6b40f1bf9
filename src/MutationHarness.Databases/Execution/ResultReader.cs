using System.Text;
using MutationHarness.Core.Results;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Reads a whole result set into exact cell text: the server's own bytes where the driver lets us, its typed values formatted losslessly otherwise.</summary>
internal static class ResultReader
{
    public static async Task<ResultSet> ReadAsync(MySqlDataReader reader, CancellationToken cancellationToken)
    {
        var count = reader.FieldCount;
        var kinds = new CellKind[count];
        var scales = new int[count];
        var raw = RawRowAccess.IsAvailable;
        if (raw)
        {
            // The raw path needs only to know binary and BIT columns; the column schema costs a
            // list of objects per statement, which shows on sub-millisecond statements.
            for (var i = 0; i < count; i++)
            {
                kinds[i] = reader.GetDataTypeName(i) == "BIT" ? CellKind.Bit
                    : reader.GetFieldType(i) == typeof(byte[]) ? CellKind.Bytes
                    : CellKind.Other;
            }
        }
        else if (count > 0)
        {
            var schema = reader.GetColumnSchema();
            for (var i = 0; i < count; i++)
            {
                var column = (MySqlDbColumn) schema[i];
                kinds[i] = CellText.KindOf(column.ProviderType, reader.GetFieldType(i));
                scales[i] = column.NumericScale ?? 0;
            }
        }

        var rows = new List<ResultRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cells = new string?[count];
            if (raw)
                ReadRaw(reader, kinds, cells);
            else
                ReadTyped(reader, kinds, scales, cells);
            rows.Add(new ResultRow(cells));
        }
        return new ResultSet(count, rows);
    }

    private static void ReadRaw(MySqlDataReader reader, CellKind[] kinds, string?[] cells)
    {
        var row = RawRowAccess.Current(reader);
        for (var i = 0; i < cells.Length; i++)
        {
            if (row.IsNull(i))
                continue;
            cells[i] = kinds[i] switch
            {
                CellKind.Bytes => "0x" + Convert.ToHexString(row.Cell(i)),
                // BIT arrives as big-endian bytes, not text: its integer is the useful form.
                CellKind.Bit => CellText.Read(reader, i, CellKind.Other, 0),
                _ => Encoding.UTF8.GetString(row.Cell(i)),
            };
        }
    }

    private static void ReadTyped(MySqlDataReader reader, CellKind[] kinds, int[] scales, string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
            cells[i] = reader.IsDBNull(i) ? null : CellText.Read(reader, i, kinds[i], scales[i]);
    }
}
