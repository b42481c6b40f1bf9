using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MutationHarness.Databases.Tests")]
[assembly: InternalsVisibleTo("MutationHarness.TestSupport")]
[assembly: InternalsVisibleTo("MutationHarness.Containers")]
