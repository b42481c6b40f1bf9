namespace MutationHarness.FineTuning.Tests;

public sealed class DistributionTests
{
    private static int[] FortyFour(int below, int above)
    {
        // 44 values: p95 sits at index 43 × 0.95 = 40.85, between the 41st and 42nd smallest
        var values = new int[44];
        for (var i = 0; i < 44; i++)
            values[i] = i <= 40 ? below - 40 + i : above + i - 41;
        return values;
    }

    [Theory]
    [InlineData(608, 626, "623.3000000000001")] // the p95 of total tokens in the user's report
    [InlineData(223, 259, "253.60000000000005")] // the p95 of assistant tokens in the user's report
    public void Percentiles_reproduce_the_users_report_to_the_last_bit(int below, int above, string expected)
    {
        // The user's two p95 figures cannot come from 110 whole numbers under numpy's rule,
        // but both arise from 44: the report's statistics block came from a 44-example file.
        var distribution = Distribution.Of(FortyFour(below, above));

        Assert.Equal(expected, PythonRepr.Float(distribution.P95));
    }

    [Fact]
    public void Mean_and_median_print_as_python_floats()
    {
        // 49,154 tokens over 110 examples is the user's mean
        var values = Enumerable.Repeat(446, 110).ToArray();
        values[0] += 94;

        var distribution = Distribution.Of(values);

        Assert.Equal("446.8545454545455", PythonRepr.Float(distribution.Mean));
        Assert.Equal("446.0", PythonRepr.Float(distribution.Median));
    }

    [Fact]
    public void Small_sets_interpolate_linearly()
    {
        var distribution = Distribution.Of([10, 1, 4, 3, 2, 9, 5, 8, 7, 6]);

        Assert.Equal(1, distribution.Min);
        Assert.Equal(10, distribution.Max);
        Assert.Equal(5.5, distribution.Median);
        Assert.Equal(1.45, distribution.P5, 12);
        Assert.Equal(9.55, distribution.P95, 12);
    }

    [Fact]
    public void One_value_is_every_statistic() =>
        Assert.Equal(new Distribution(3, 3, 3, 3, 3, 3), Distribution.Of([3]));
}
