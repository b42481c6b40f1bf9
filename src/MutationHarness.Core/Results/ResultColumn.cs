namespace MutationHarness.Core.Results;

/// <summary>What the server says about one result column: its protocol type (<c>Double</c>, <c>NewDecimal</c>,
/// <c>VarString</c> …), its decimals, and for a string its collation and character set (null for binary).</summary>
public sealed record ResultColumn(string Type, int Decimals, string? Collation, string? CharacterSet)
{
    /// <summary>True for the integer, decimal and floating-point types.</summary>
    public bool IsNumeric => Type is "Tiny" or "Short" or "Int24" or "Long" or "Longlong" or "Decimal" or "NewDecimal" or "Float" or "Double";

    /// <summary>True for FLOAT and DOUBLE.</summary>
    public bool IsFloatingPoint => Type is "Float" or "Double";

    /// <summary>True for a character string under a collation that can call two different texts equal: any but binary.
    /// A <c>_bin</c> collation counts: MariaDB's (<c>utf8mb4_bin</c> …) are PAD SPACE, so <c>'b'</c> and <c>'b '</c> are one
    /// value there and a DISTINCT, UNION or EXCEPT may print either; the server itself says which texts it calls equal, so
    /// a NO PAD <c>_bin</c> (<c>utf8mb4_nopad_bin</c>) still tells every spelling apart.</summary>
    public bool HasLenientCollation =>
        Collation is not null && CharacterSet is not (null or "binary")
        && Type is "VarString" or "String" or "VarChar" or "Blob" or "TinyBlob" or "MediumBlob" or "LongBlob" or "Enum" or "Set";
}
