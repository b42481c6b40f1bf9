using System.Runtime.CompilerServices;

// The differential tests compare the fast conformance path against the slow reference path directly.
[assembly: InternalsVisibleTo("MutationHarness.Sql.Tests")]

// The guard-against-server property test rebuilds each accepted text from the lexer's own tokens.
[assembly: InternalsVisibleTo("MutationHarness.Integration.Tests")]
