namespace MutationHarness.Cli.Commands;

/// <summary>Output options as the user gave them: <c>-</c> stays standard output (a <see cref="FileInfo"/>'s FullName would turn it into a file named -).</summary>
internal static class OutputOption
{
    public static string Given(this FileInfo file) => file.ToString();
}
