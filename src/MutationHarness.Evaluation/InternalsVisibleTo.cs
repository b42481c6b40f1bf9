using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MutationHarness.Evaluation.Tests")]
