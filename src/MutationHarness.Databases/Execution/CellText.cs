using System.Globalization;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>How one column's cells become text: what the server sent, or a lossless rendering of the driver's value.</summary>
internal enum CellKind
{
    Text,
    Bytes,
    Decimal,
    Double,
    Float,
    Date,
    DateTime,
    Time,
    Year,
    Bit,
    Other,
}

/// <summary>Turns driver values into exact, comparable cell text, the same for both sides of a pair (used when the raw row is out of reach).</summary>
internal static class CellText
{
    public static CellKind KindOf(MySqlDbType type, Type fieldType) => type switch
    {
        MySqlDbType.Decimal or MySqlDbType.NewDecimal => CellKind.Decimal,
        MySqlDbType.Double => CellKind.Double,
        MySqlDbType.Float => CellKind.Float,
        MySqlDbType.Date or MySqlDbType.Newdate => CellKind.Date,
        MySqlDbType.DateTime or MySqlDbType.Timestamp => CellKind.DateTime,
        MySqlDbType.Time => CellKind.Time,
        MySqlDbType.Year => CellKind.Year,
        MySqlDbType.Bit => CellKind.Bit,
        _ when fieldType == typeof(string) => CellKind.Text,
        _ when fieldType == typeof(byte[]) => CellKind.Bytes,
        _ => CellKind.Other,
    };

    public static string Read(MySqlDataReader reader, int ordinal, CellKind kind, int scale) => kind switch
    {
        CellKind.Text => reader.GetString(ordinal),
        CellKind.Bytes => Hex((byte[]) reader.GetValue(ordinal)),
        // MySqlDecimal keeps the server's digits; System.Decimal would overflow on DECIMAL(65).
        CellKind.Decimal => reader.GetMySqlDecimal(ordinal).ToString(),
        CellKind.Double => Double(reader.GetDouble(ordinal)),
        CellKind.Float => Float(reader.GetFloat(ordinal)),
        CellKind.Date => Date(reader.GetMySqlDateTime(ordinal)),
        CellKind.DateTime => DateTime(reader.GetMySqlDateTime(ordinal), scale),
        CellKind.Time => Time(reader.GetTimeSpan(ordinal), scale),
        CellKind.Year => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture).ToString("D4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) ?? "",
    };

    public static string Hex(byte[] bytes) => "0x" + Convert.ToHexString(bytes);

    /// <summary>Shortest round-trip digits laid out as MariaDB/MySQL print a DOUBLE (<c>1e15</c>, <c>100000000000000</c>, <c>1e-16</c>); keeps <c>-0</c>.</summary>
    public static string Double(double value) => ServerStyle(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The same for FLOAT: the server sends at most 6 significant digits, which the shortest round trip recovers.</summary>
    public static string Float(float value) => ServerStyle(value.ToString("R", CultureInfo.InvariantCulture));

    public static string Date(MySqlDateTime value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.Year:D4}-{value.Month:D2}-{value.Day:D2}");

    public static string DateTime(MySqlDateTime value, int scale)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{value.Year:D4}-{value.Month:D2}-{value.Day:D2} {value.Hour:D2}:{value.Minute:D2}:{value.Second:D2}");
        return scale > 0 ? text + Fraction(value.Microsecond, scale) : text;
    }

    public static string Time(TimeSpan value, int scale)
    {
        var sign = value < TimeSpan.Zero ? "-" : "";
        var abs = value.Duration();
        var hours = (long) abs.TotalHours;
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{hours:D2}:{abs.Minutes:D2}:{abs.Seconds:D2}");
        var micro = (int) (abs.Ticks % TimeSpan.TicksPerSecond / 10);
        return scale > 0 ? text + Fraction(micro, scale) : text;
    }

    private static string Fraction(int microseconds, int scale)
    {
        var digits = microseconds.ToString("D6", CultureInfo.InvariantCulture);
        return "." + digits[..Math.Min(scale, 6)];
    }

    /// <summary>Re-lays .NET's round-trip text the way the servers' my_gcvt does: scientific only for exponents ≥ 15 or &lt; −15.</summary>
    internal static string ServerStyle(string roundTrip)
    {
        var negative = roundTrip.StartsWith('-');
        var body = negative ? roundTrip[1..] : roundTrip;
        if (body.Length == 0 || !char.IsAsciiDigit(body[0]))
            return roundTrip; // NaN or infinity: no server sends them
        var exponent = 0;
        var e = body.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }
        var dot = body.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? body : body[..dot];
        var digits = (whole + (dot < 0 ? "" : body[(dot + 1)..])).TrimEnd('0');
        var point = whole.Length + exponent; // value = 0.<digits> × 10^point
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..];
        point -= leading;
        var sign = negative ? "-" : "";
        if (digits.Length == 0)
            return sign + "0";
        var scientific = point - 1;
        if (scientific >= 15 || scientific < -15)
            return sign + digits[0] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + scientific.ToString(CultureInfo.InvariantCulture);
        if (point <= 0)
            return sign + "0." + new string('0', -point) + digits;
        if (point >= digits.Length)
            return sign + digits + new string('0', point - digits.Length);
        return sign + digits[..point] + "." + digits[point..];
    }
}
