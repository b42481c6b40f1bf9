namespace MutationHarness.Core.Results;

/// <summary>What the server says about one result column: its protocol type (<c>Double</c>, <c>NewDecimal</c>,
/// <c>VarString</c> …), its decimals, and for a string its collation and character set (null for binary).</summary>
public sealed record ResultColumn(string Type, int Decimals, string? Collation, string? CharacterSet)
{
    /// <summary>True for the integer, decimal and floating-point types.</summary>
    public bool IsNumeric => Type is "Tiny" or "Short" or "Int24" or "Long" or "Longlong" or "Decimal" or "NewDecimal" or "Float" or "Double";

    /// <summary>True for FLOAT and DOUBLE.</summary>
    public bool IsFloatingPoint => Type is "Float" or "Double";

    /// <summary>True for a character string under a collation that can call two different texts equal: not binary, not <c>_bin</c>.</summary>
    public bool HasLenientCollation =>
        Collation is { } name && CharacterSet is not (null or "binary") && !name.EndsWith("_bin", StringComparison.Ordinal)
        && Type is "VarString" or "String" or "VarChar" or "Blob" or "TinyBlob" or "MediumBlob" or "LongBlob" or "Enum" or "Set";
}
