using System.Buffers;
using System.Text;
using MutationHarness.Core.Results;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Streams a result into a multiset of row hashes over exact cell text (the server's own bytes where the
/// driver lets us, its typed values formatted losslessly otherwise), keeping the text of rows only as the request
/// allows, and stopping at the request's size limits.</summary>
internal static class ResultReader
{
    public static async Task<(ResultSet Result, string? Exceeded)> ReadAsync(MySqlDataReader reader, ReadRequest request, CancellationToken cancellationToken)
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

        var limits = request.Limits;
        var builder = new ResultSetBuilder(count, limits.TextBudget, request.KeepRows);
        var hasher = new RowHasher();
        var cells = new string?[count];
        while (await reader.ReadAsync(cancellationToken))
        {
            var (hash, bytes) = raw ? HashRaw(reader, kinds, hasher, cells) : HashTyped(reader, kinds, scales, hasher, cells);
            if (limits.Exceeded(builder.RowCount + 1, builder.Bytes + bytes) is { } exceeded)
            {
                builder.Add(hash, bytes);
                return (builder.Build(hasher.SequenceHash), exceeded);
            }
            if (builder.WantsText(hash, bytes))
            {
                if (raw)
                    ReadRaw(reader, kinds, cells);
                builder.Add(new ResultRow(cells, hash), bytes);
                cells = new string?[count];
            }
            else
                builder.Add(hash, bytes);
        }
        return (builder.Build(hasher.SequenceHash), null);
    }

    /// <summary>Hashes the current row from the driver's buffer; BIT cells are formatted into <paramref name="cells"/>.</summary>
    private static (UInt128 Hash, long Bytes) HashRaw(MySqlDataReader reader, CellKind[] kinds, RowHasher hasher, string?[] cells)
    {
        var row = RawRowAccess.Current(reader);
        var bytes = 0L;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (row.IsNull(i))
            {
                hasher.AddNull();
                continue;
            }
            var cell = row.Cell(i);
            bytes += cell.Length;
            switch (kinds[i])
            {
                case CellKind.Bytes:
                    HashHex(hasher, cell);
                    break;
                case CellKind.Bit:
                    // BIT arrives as big-endian bytes, not text: its integer is the useful form.
                    cells[i] = CellText.Read(reader, i, CellKind.Other, 0);
                    hasher.Add(cells[i]);
                    break;
                default:
                    hasher.Add(cell);
                    break;
            }
        }
        return (hasher.EndRow(), bytes);
    }

    private static (UInt128 Hash, long Bytes) HashTyped(MySqlDataReader reader, CellKind[] kinds, int[] scales, RowHasher hasher, string?[] cells)
    {
        var bytes = 0L;
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.IsDBNull(i) ? null : CellText.Read(reader, i, kinds[i], scales[i]);
            bytes += cells[i] is { } text ? Encoding.UTF8.GetByteCount(text) : 0;
            hasher.Add(cells[i]);
        }
        return (hasher.EndRow(), bytes);
    }

    /// <summary>Hashes a binary cell as the text it is shown as (<c>0x…</c>), so a hash always stands for the cell's text.</summary>
    private static void HashHex(RowHasher hasher, ReadOnlySpan<byte> cell)
    {
        var length = 2 + (cell.Length * 2);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var text = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        text[0] = (byte) '0';
        text[1] = (byte) 'x';
        for (var i = 0; i < cell.Length; i++)
        {
            text[2 + (2 * i)] = (byte) "0123456789ABCDEF"[cell[i] >> 4];
            text[3 + (2 * i)] = (byte) "0123456789ABCDEF"[cell[i] & 0xF];
        }
        hasher.Add(text);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>The current row's text, for a row whose text is kept (BIT cells were formatted while hashing).</summary>
    private static void ReadRaw(MySqlDataReader reader, CellKind[] kinds, string?[] cells)
    {
        var row = RawRowAccess.Current(reader);
        for (var i = 0; i < cells.Length; i++)
        {
            if (row.IsNull(i))
            {
                cells[i] = null;
                continue;
            }
            cells[i] = kinds[i] switch
            {
                CellKind.Bytes => "0x" + Convert.ToHexString(row.Cell(i)),
                CellKind.Bit => cells[i],
                _ => Encoding.UTF8.GetString(row.Cell(i)),
            };
        }
    }
}
