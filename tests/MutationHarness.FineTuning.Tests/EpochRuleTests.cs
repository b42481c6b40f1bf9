namespace MutationHarness.FineTuning.Tests;

public sealed class EpochRuleTests
{
    [Theory]
    [InlineData(1, 25)]
    [InlineData(3, 25)]   // 100 / 3 = 33, capped at 25
    [InlineData(4, 25)]
    [InlineData(5, 20)]
    [InlineData(10, 10)]
    [InlineData(33, 3)]   // 99 < 100: min(25, 100 / 33) = 3
    [InlineData(34, 3)]   // 102 >= 100: the default
    [InlineData(110, 3)]
    [InlineData(8_333, 3)] // 24,999 <= 25,000
    [InlineData(8_334, 2)] // 25,002 > 25,000: max(1, 25,000 / 8,334) = 2
    [InlineData(12_500, 2)]
    [InlineData(12_501, 1)]
    [InlineData(1_000_000, 1)]
    [InlineData(0, 0)]
    public void The_default_epochs_follow_the_service_rule(long examples, int epochs) =>
        Assert.Equal(epochs, EpochRule.DefaultEpochs(examples));
}
