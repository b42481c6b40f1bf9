namespace MutationHarness.Evaluation;

/// <summary>An identifier the model invented, as the server reported it: its kind, its name and the error number.</summary>
public sealed record HallucinatedIdentifier(string Kind, string Name, int ErrorNumber);
