using MutationHarness.Evaluation.Tests;

[assembly: AssemblyFixture(typeof(ServerFixture))]
