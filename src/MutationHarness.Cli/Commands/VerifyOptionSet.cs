using System.CommandLine;
using MutationHarness.Core.Fixtures;
using MutationHarness.Verification;

namespace MutationHarness.Cli.Commands;

/// <summary>The options every command that runs pairs shares (verify, clean, eval).</summary>
internal sealed class VerifyOptionSet
{
    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "Pair files (.jsonl, .json), folders, globs, or - for standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Target { get; } = new("--target", "-t")
    {
        Description = "Where the SQL runs: local:mariadb (default, a throwaway server the harness starts), local:mysql, local:tidb, container:mysql|mariadb|tidb[:tag], or a connection string. Repeat for several targets.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int> Jobs { get; } = new("--jobs", "-j")
    {
        Description = "Pairs in flight at once (connections per target).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Deadline of one statement, in seconds.",
        DefaultValueFactory = _ => 10,
    };

    public Option<int> Reruns { get; } = new("--reruns")
    {
        Description = "Re-runs of a violation before it is reported (it must violate every time).",
        DefaultValueFactory = _ => 3,
    };

    public Option<int> Databases { get; } = new("--databases")
    {
        Description = "How many generated upstream-shaped databases each pair runs on.",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> FixtureSeed { get; } = new("--fixture-seed")
    {
        Description = "Seed of the first generated database.",
        DefaultValueFactory = _ => 0,
    };

    public Option<string[]> Data { get; } = new("--data")
    {
        Description = "A data script (an upstream output.data.sql) to run the pairs on instead of generated databases. Repeatable.",
    };

    public Option<bool> NoSeedReuse { get; } = new("--no-seed-reuse")
    {
        Description = "Run every pair's seed query again instead of reusing the rows it returned for an earlier pair on the same database.",
    };

    public Option<int> MaxRows { get; } = new("--max-rows")
    {
        Description = "A result with more rows is stopped and the pair is too-large (results stream as row hashes, so memory stays small either way).",
        DefaultValueFactory = _ => Core.Results.ResultLimits.DefaultMaxRows,
    };

    public Option<long> MaxResultBytes { get; } = new("--max-result-bytes")
    {
        Description = "A result with more bytes of cell text is stopped and the pair is too-large (default 1 GiB).",
        DefaultValueFactory = _ => Core.Results.ResultLimits.DefaultMaxBytes,
    };

    public Option<double> SetupTimeout { get; } = new("--setup-timeout")
    {
        Description = "Time budget of a record's own setup, all its statements together, in seconds; past it the record is not-executable.",
        DefaultValueFactory = _ => SetupBudget.Default.Time.TotalSeconds,
    };

    public Option<long> SetupMaxRows { get; } = new("--setup-max-rows")
    {
        Description = "Rows a record's own setup may leave in its tables; past it the setup is stopped and the record is not-executable.",
        DefaultValueFactory = _ => SetupBudget.Default.MaxRows,
    };

    public Option<long> SetupMaxMb { get; } = new("--setup-max-mb")
    {
        Description = "Megabytes a record's own setup may write; past it the setup is stopped and the record is not-executable.",
        DefaultValueFactory = _ => SetupBudget.Default.MaxBytes / (1024 * 1024),
    };

    public Option<bool> AllowUnisolatedSetup { get; } = new("--allow-unisolated-setup")
    {
        Description = "On a connection string whose account cannot create users, run records' setups as that account (unisolated) instead of rejecting those records.",
    };

    /// <summary>The options of records' own setups, for commands that list their options one by one.</summary>
    public IEnumerable<Option> SetupOptions => [SetupTimeout, SetupMaxRows, SetupMaxMb, AllowUnisolatedSetup];

    public Option<double> Reconnect { get; } = new("--reconnect")
    {
        Description = "Seconds to keep reconnecting (with back-off) to a connection-string server that went away before stopping with exit 3 (an embedded server is restarted instead).",
        DefaultValueFactory = _ => 60,
    };

    public Option<bool> KeepServerFiles { get; } = new("--keep-server-files")
    {
        Description = "Keep the embedded server's data directory and error log after the run.",
    };

    public Option<MutationHarness.Databases.Targets.ImagePull> Pull { get; } = new("--pull")
    {
        Description = "When container targets pull their image: missing (default: the official image unless the engine has it; MariaDB falls back to the image 'harness servers image' built), never (use what the engine has), always (pull every time; no fallback).",
        DefaultValueFactory = _ => MutationHarness.Databases.Targets.ImagePull.Missing,
    };

    public void AddTo(Command command)
    {
        command.Add(Inputs);
        AddOptionsTo(command);
    }

    /// <summary>Only the options, for a command that makes its own pairs (generate).</summary>
    public void AddOptionsTo(Command command)
    {
        foreach (var option in new Option[] { Target, Jobs, Timeout, Reruns, Databases, FixtureSeed, Data, NoSeedReuse, MaxRows, MaxResultBytes, Reconnect, KeepServerFiles, Pull }.Concat(SetupOptions))
            command.Add(option);
    }

    public VerifyOptions Read(ParseResult result)
    {
        var targets = result.GetValue(Target) is { Length: > 0 } given ? given : ["local:mariadb"];
        var jobs = result.GetValue(Jobs);
        var timeout = result.GetValue(Timeout);
        if (jobs < 1)
            throw new UsageException("--jobs must be at least 1");
        if (timeout <= 0)
            throw new UsageException("--timeout must be a positive number of seconds");
        if (result.GetValue(Reconnect) < 0)
            throw new UsageException("--reconnect must be 0 or more seconds");
        if (result.GetValue(Reruns) < 0 || result.GetValue(Databases) < 1)
            throw new UsageException("--reruns must be 0 or more and --databases at least 1");
        if (result.GetValue(MaxRows) < 1 || result.GetValue(MaxResultBytes) < 1)
            throw new UsageException("--max-rows and --max-result-bytes must be at least 1");
        if (result.GetValue(SetupTimeout) <= 0 || result.GetValue(SetupMaxRows) < 1 || result.GetValue(SetupMaxMb) < 1)
            throw new UsageException("--setup-timeout, --setup-max-rows and --setup-max-mb must be positive");
        return new VerifyOptions
        {
            ResultLimits = Core.Results.ResultLimits.Default with { MaxRows = result.GetValue(MaxRows), MaxBytes = result.GetValue(MaxResultBytes) },
            Targets = targets,
            Jobs = jobs,
            StatementTimeout = TimeSpan.FromSeconds(timeout),
            Reruns = result.GetValue(Reruns),
            Databases = result.GetValue(Databases),
            FixtureSeed = result.GetValue(FixtureSeed),
            DataScripts = result.GetValue(Data) ?? [],
            ReuseSeedResults = !result.GetValue(NoSeedReuse),
            Reconnect = TimeSpan.FromSeconds(result.GetValue(Reconnect)),
            KeepServerFiles = result.GetValue(KeepServerFiles),
            Pull = result.GetValue(Pull),
            SetupBudget = new SetupBudget(TimeSpan.FromSeconds(result.GetValue(SetupTimeout)), result.GetValue(SetupMaxRows), result.GetValue(SetupMaxMb) * 1024 * 1024),
            AllowUnisolatedSetup = result.GetValue(AllowUnisolatedSetup),
        };
    }

    /// <summary>The inputs, with standard input when none are named and input is piped.</summary>
    public IReadOnlyList<string> ReadInputs(ParseResult result)
    {
        var inputs = result.GetValue(Inputs) ?? [];
        if (inputs.Length > 0)
            return inputs;
        if (Console.IsInputRedirected)
            return ["-"];
        throw new UsageException("name the pairs to check: files, folders, globs, or - for standard input");
    }
}

/// <summary>The command line asks for something impossible; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);
