using MutationHarness.Core.Strategies;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation.Tests;

/// <summary>One throwaway MariaDB for the assembly, lent to a mutation grader (two generated databases), a verifier,
/// SQL-mode graders (a shop schema, and seed 000's sc_org) and a DDL grader (sc_org).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private IQueryTarget? _server;
    private Exception? _startFailure;
    private readonly TempFolder _folder = new();

    public static VerifyOptions Options { get; } = new() { Jobs = 4, Databases = 2, StatementTimeout = TimeSpan.FromSeconds(5), Reruns = 1 };

    private MutationGrader? _mutation;
    private SqlModeGrader? _sql;
    private Verifier? _verifier;
    private DdlGrader? _ddl;
    private SqlModeGrader? _orgSql;

    /// <summary>A SQL-mode grader against <see cref="OrgSchema"/>.</summary>
    public SqlModeGrader OrgSql => Require(_orgSql);

    /// <summary>Seed 000's table, as the repository's DDL fixture builds it.</summary>
    public static string OrgSchema => Path.Combine(RepositoryRoot.Path, "fixtures", "eval", "ddl", "schema.sql");

    /// <summary>A DDL grader against <see cref="OrgSchema"/>.</summary>
    public DdlGrader Ddl => Require(_ddl);

    public MutationGrader Mutation => Require(_mutation);

    /// <summary>Lends the assembly's server to a grader a test starts itself.</summary>
    public ITargetOpener Lender => new BorrowedTargetOpener(Require(_server));

    /// <summary>A verifier on the same server and the same generated databases, for holding eval to verify's verdicts.</summary>
    public Verifier Verifier => Require(_verifier);

    public SqlModeGrader Sql => Require(_sql);

    /// <summary>The shop schema the SQL-mode tests ask about.</summary>
    public const string ShopSchema = """
        CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20), city VARCHAR(20));
        CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10, 2));
        INSERT INTO customers VALUES (1, 'Ann', 'Oslo'), (2, 'Bo', 'Rome'), (3, 'Cy', 'Oslo');
        INSERT INTO orders VALUES (10, 1, 5.00), (11, 1, 7.50), (12, 2, 3.25), (13, 3, 7.50);
        """;

    public async ValueTask InitializeAsync()
    {
        if (!ServerAvailability.HasMariaDb)
            return;
        var cancel = TestContext.Current.CancellationToken;
        try
        {
            _server = await QueryTargets.OpenAsync(TargetSpec.LocalMariaDb, new TargetOptions { Jobs = Options.Jobs, StatementDeadline = Options.StatementTimeout }, cancel);
            var lender = new BorrowedTargetOpener(_server);
            _mutation = await MutationGrader.StartAsync(Options, StrategyCatalog.Default, lender, cancel);
            _verifier = await Verifier.StartAsync(Options, StrategyCatalog.Default, lender, cancel);
            var schema = _folder.File("shop.sql");
            await File.WriteAllTextAsync(schema, ShopSchema, cancel);
            _sql = await SqlModeGrader.StartAsync(Options, [schema], lender, cancel);
            _orgSql = await SqlModeGrader.StartAsync(Options, [OrgSchema], lender, cancel);
            _ddl = await DdlGrader.StartAsync(Options, [OrgSchema], lender, cancel);
        }
        catch (Exception e)
        {
            _startFailure = e;
        }
    }

    private T Require<T>(T? grader) where T : class
    {
        ServerAvailability.RequireMariaDb();
        if (_startFailure is not null)
            throw new InvalidOperationException("the test server did not start: " + _startFailure.Message, _startFailure);
        return grader!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_mutation is not null)
            await _mutation.DisposeAsync();
        if (_sql is not null)
            await _sql.DisposeAsync();
        if (_verifier is not null)
            await _verifier.DisposeAsync();
        if (_ddl is not null)
            await _ddl.DisposeAsync();
        if (_orgSql is not null)
            await _orgSql.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
        _folder.Dispose();
    }
}
