namespace MutationHarness.FineTuning.Tests;

public sealed class DistributionTests
{
    // 110 values (the seed's file) whose 99th and 100th smallest are given.
    private static int[] HundredTen(int at98, int at99) =>
        Enumerable.Range(0, 110).Select(i => i < 98 ? at98 - 98 + i : i == 98 ? at98 : at99 + i - 99).ToArray();

    [Theory]
    [InlineData(623, 626, "623.3000000000001")] // the seed's "p95" of total tokens
    [InlineData(253, 259, "253.60000000000005")] // the seed's "p95" of assistant tokens
    public void The_seeds_p95_figures_are_numpys_0_9_quantile_of_its_110_examples_to_the_last_bit(int at98, int at99, string expected)
    {
        // The public notebook prints np.quantile(values, 0.9) under the label "p95": index 109 × 0.9 = 98.1.
        var distribution = Distribution.Of(HundredTen(at98, at99));

        Assert.Equal(expected, PythonRepr.Float(distribution.P90));
        Assert.NotEqual(expected, PythonRepr.Float(distribution.P95));
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
        Assert.Equal(1.9, distribution.P10, 12);
        Assert.Equal(9.1, distribution.P90, 12);
    }

    [Fact]
    public void One_value_is_every_statistic() =>
        Assert.Equal(new Distribution(3, 3, 3, 3, 3, 3, 3, 3), Distribution.Of([3]));
}
