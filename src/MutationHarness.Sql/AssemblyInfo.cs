using System.Runtime.CompilerServices;

// The differential tests compare the fast conformance path against the slow reference path directly.
[assembly: InternalsVisibleTo("MutationHarness.Sql.Tests")]
