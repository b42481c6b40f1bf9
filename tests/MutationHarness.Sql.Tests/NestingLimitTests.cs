namespace MutationHarness.Sql.Tests;

/// <summary>Issue 11, "no input crashes the process": the parser refuses trees deeper than its limit with a clear
/// reason, and every walker is safe on the deepest tree it accepts, on a thread-pool thread (where verify and
/// eval run them; its stack can be smaller than the main thread's).</summary>
public sealed class NestingLimitTests
{
    public static TheoryData<string> Shapes
    {
        get
        {
            var shapes = new TheoryData<string>();
            foreach (var shape in DeepShapes.All.Keys)
                shapes.Add(shape);
            return shapes;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Nesting_50000_deep_is_refused_with_the_reason_and_nothing_crashes(string shape)
    {
        // Given a statement nested 50,000 deep
        var seed = DeepShapes.All[shape](50_000);
        var mutant = DeepShapes.Mutant(seed);

        // When every entry point reads it on a thread-pool thread
        var (parse, conformance, guard, flags, mutate) = await Task.Run(() => (
            Assert.Throws<SqlSyntaxError>(() => SqlParser.Parse(seed)),
            Conformance.Check("FixMCmpOpU", seed, mutant),
            SqlGuard.Check(seed),
            NonDeterminism.Find(seed),
            Assert.Throws<SqlSyntaxError>(() => Mutants.Enumerate(seed))), TestContext.Current.CancellationToken);

        // Then it is refused with the limit named, and the token-level checks still answer
        Assert.Contains($"at most {Parsing.Parser.MaxDepth} levels of nesting", parse.Message, StringComparison.Ordinal);
        Assert.False(conformance.Conforms);
        Assert.Contains("levels of nesting", conformance.Reason, StringComparison.Ordinal);
        Assert.Contains("levels of nesting", mutate.Message, StringComparison.Ordinal);
        Assert.True(guard.IsAllowed, guard.Reason);
        Assert.NotNull(flags);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_deepest_accepted_tree_is_safe_for_every_walker_on_a_thread_pool_thread(string shape)
    {
        // Given the deepest statement of this shape the parser accepts, and one level more
        var build = DeepShapes.All[shape];
        var deepest = DeepShapes.DeepestAccepted(build);
        var seed = build(deepest);
        var mutant = DeepShapes.Mutant(seed);

        // When the printer, the polarity walk, conformance (fast and slow path) and mutation run over it there
        var (normal, conforming, otherStrategy, mutants) = await Task.Run(() => (
            SqlText.Normalize(seed),
            Conformance.Check("FixMCmpOpU", seed, mutant),
            Conformance.Check("FixMCmpOpL", seed, mutant),
            Mutants.Enumerate(seed)), TestContext.Current.CancellationToken);

        // Then they all answer, and one level more is refused
        Assert.True(deepest >= 20, $"{shape}: only {deepest} deep is accepted");
        Assert.NotEmpty(normal);
        Assert.True(conforming.Conforms, conforming.Reason);
        Assert.False(otherStrategy.Conforms);
        Assert.NotEmpty(mutants);
        Assert.Null(SqlParser.TryParse(build(deepest + 1), out var error));
        Assert.Contains("levels of nesting", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parentheses")]
    [InlineData("subqueries")]
    public void On_a_small_stack_the_parser_refuses_instead_of_overflowing(string shape)
    {
        // Given a thread with a 256 kB stack, far less than the limit needs for parentheses
        var seed = DeepShapes.All[shape](Parsing.Parser.MaxDepth);
        SqlSyntaxError? error = null;
        var thread = new Thread(() => SqlParser.TryParse(seed, out error), 256 * 1024);

        // When the statement is parsed there
        thread.Start();
        thread.Join();

        // Then it is refused with a reason, and the process is still here to say so
        Assert.NotNull(error);
        Assert.Contains("levels of nesting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_statement_is_far_from_the_limit()
    {
        // Given a long but shallow statement: a 2,000-item IN list and 100 ANDed comparisons in parentheses
        var sql = "SELECT a FROM t WHERE a IN (" + string.Join(", ", Enumerable.Range(0, 2000)) + ") AND "
            + string.Join(" AND ", Enumerable.Range(0, 100).Select(i => $"(b > {i} OR c < {i})"));

        // When parsed, Then it is accepted
        Assert.NotNull(SqlParser.TryParse(sql, out var error));
        Assert.Null(error);
    }
}
