using MutationHarness.TestSupport;

[assembly: AssemblyFixture(typeof(MariaDbServerFixture))]
