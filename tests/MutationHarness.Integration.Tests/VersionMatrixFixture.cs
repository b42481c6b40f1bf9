using MutationHarness.Cli.Commands;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.TestSupport;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>The tests that share the version matrix (one set of three servers for all of them).</summary>
[CollectionDefinition(VersionMatrixFixture.Collection)]
public sealed class VersionMatrixCollection : ICollectionFixture<VersionMatrixFixture>;

/// <summary>One verifier over MariaDB 10.5, this machine's 10.11 and 11.8 (provisioned on first use), and the corpus's
/// reports on all three, computed once for the tests that read them.</summary>
public sealed class VersionMatrixFixture : IAsyncLifetime
{
    public const string Collection = "version matrix";

    public static readonly string[] Targets = ["local:mariadb:10.5", "local:mariadb", "local:mariadb:11.8"];

    private Verifier? _verifier;
    private Exception? _startFailure;
    private Dictionary<string, PairReport>? _corpus;

    /// <summary>The verifier; skips (locally) or fails (under CI) when the versions cannot run here.</summary>
    public Verifier Verifier
    {
        get
        {
            Require();
            return _verifier!;
        }
    }

    /// <summary>The 41 corpus records' reports on the three targets, by id.</summary>
    public async Task<IReadOnlyDictionary<string, PairReport>> CorpusAsync()
    {
        Require();
        if (_corpus is null)
        {
            var files = InputSources.Expand([SharedPaths.Corpus]);
            var records = new RecordReader(StrategyCatalog.Default).ReadAsync(files, TextReader.Null, TestContext.Current.CancellationToken);
            var reports = new Dictionary<string, PairReport>();
            await foreach (var report in _verifier!.VerifyAllAsync(records, TestContext.Current.CancellationToken))
                reports.Add(report.Id, report);
            _corpus = reports;
        }
        return _corpus;
    }

    public async ValueTask InitializeAsync()
    {
        if (!CanRun)
            return;
        try
        {
            var options = new VerifyOptions { Targets = Targets, Jobs = 2, Reruns = 2, StatementTimeout = TimeSpan.FromSeconds(10) };
            _verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new TargetOpener(), CancellationToken.None);
        }
        catch (Exception e)
        {
            _startFailure = e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_verifier is not null)
            await _verifier.DisposeAsync();
    }

    private static bool CanRun =>
        ServerAvailability.HasMariaDb && ServerAvailability.MariaDbVersionUnavailable("10.5") is null && ServerAvailability.MariaDbVersionUnavailable("11.8") is null;

    private void Require()
    {
        ServerAvailability.RequireMariaDb();
        ServerAvailability.RequireMariaDbVersion("10.5");
        ServerAvailability.RequireMariaDbVersion("11.8");
        if (_startFailure is not null)
            throw new InvalidOperationException("the version matrix did not start: " + _startFailure.Message, _startFailure);
    }
}
