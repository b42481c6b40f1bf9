using MutationHarness.Benchmarks;

// ./harness bench [sql|tokens|verify|memory [pairs]|generate [per-strategy]|setup [pairs]|soundness [seeds]|all] — each prints its figures; nothing here asserts.
var what = args.Length > 0 ? args[0] : "all";
if (what == "pairs" && args.Length == 3)
{
    // Writes the generated benchmark pairs as pair JSONL, to verify or inspect them by hand.
    await using var file = File.CreateText(args[2]);
    foreach (var record in VerifyBenchmark.GeneratedPairs(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)))
    {
        var pair = record.Pair!;
        await file.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { id = pair.Id, strategy = pair.Strategy, original = pair.Original, mutated = pair.Mutated }));
    }
    return 0;
}
if (what == "memory")
{
    var pairs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    await MemoryBenchmark.RunAsync(Console.Out, pairs, Environment.ProcessorCount, CancellationToken.None);
    return 0;
}
if (what == "generate")
{
    var perStrategy = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
    await GenerateBenchmark.RunAsync(Console.Out, perStrategy, Environment.ProcessorCount, CancellationToken.None);
    return 0;
}
if (what == "setup")
{
    var pairs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400;
    await SetupBenchmark.RunAsync(Console.Out, pairs, Environment.ProcessorCount, CancellationToken.None);
    return 0;
}
if (what == "soundness")
{
    // ./harness bench soundness [SEEDS [DATABASES [RANDOM_SEED]]]: the differential self-test, bigger than CI's.
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await SoundnessBenchmark.RunAsync(Console.Out, Arg(1, 600), Arg(2, 5), Arg(3, MutationHarness.Verification.Soundness.SoundnessSelfTest.DefaultRandomSeed),
        Environment.ProcessorCount, CancellationToken.None);
}
if (what is not ("sql" or "tokens" or "verify" or "all"))
{
    Console.Error.WriteLine("usage: harness bench [sql|tokens|verify|all] | harness bench memory [PAIRS] | harness bench generate [PER_STRATEGY] | harness bench setup [PAIRS] | harness bench pairs N FILE | harness bench soundness [SEEDS [DATABASES [RANDOM_SEED]]]");
    return 2;
}
if (what is "sql" or "all")
    SqlBenchmark.Run(Console.Out);
if (what is "tokens" or "all")
    TokenStatisticsBenchmark.Run(Console.Out);
if (what is "verify" or "all")
    await VerifyBenchmark.RunAsync(Console.Out, pairCount: 2000, jobs: Environment.ProcessorCount, CancellationToken.None);
return 0;
