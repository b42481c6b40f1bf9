namespace MutationHarness.Evaluation;

/// <summary>An identifier the model invented: its kind, its name, the error number the server gives for it, and,
/// when the statement's names were resolved statically, where it stands.</summary>
/// <param name="Kind"><c>table</c>, <c>column</c>, <c>function</c> or <c>database</c>.</param>
/// <param name="Name">The name as written (a qualified column as <c>t.c</c>).</param>
/// <param name="ErrorNumber">The server's error number for such a name (1146, 1054, 1305 …); 0 for a column a CREATE TABLE answer made up.</param>
/// <param name="Position">Line and column in the answer (<c>1:8</c>) when found by static resolution; null when only the server named it.</param>
public sealed record HallucinatedIdentifier(string Kind, string Name, int ErrorNumber, string? Position = null)
{
    /// <summary>"column 'abbr' at 1:8" or "column 'abbr' (error 1054)".</summary>
    public override string ToString() =>
        $"{Kind} '{Name}'" + (Position is not null ? $" at {Position}" : ErrorNumber != 0 ? $" (error {ErrorNumber})" : "");
}
