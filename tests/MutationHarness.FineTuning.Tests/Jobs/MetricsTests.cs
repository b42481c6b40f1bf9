using System.Text;
using MutationHarness.FineTuning.Jobs;
using MutationHarness.FineTuning.Metrics;

namespace MutationHarness.FineTuning.Tests.Jobs;

public sealed class MetricsTests
{
    private const string Csv = "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,1.52347,0.0,,\n2,0.57719,0.5,0.9,0.25\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_result_file_reads_the_same_as_plain_csv_or_as_the_base64_the_public_api_serves(bool base64)
    {
        var content = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(Csv)) : Csv;

        var steps = ResultFile.Parse(BinaryData.FromString(content));

        Assert.Equal([new StepMetrics(1, null, 1.52347, 0.0), new StepMetrics(2, null, 0.57719, 0.5, 0.9, 0.25)], steps);
    }

    [Fact]
    public void A_result_file_that_is_not_metrics_says_what_it_starts_with()
    {
        var error = Assert.Throws<FormatException>(() => ResultFile.Parse(BinaryData.FromString("<html>bad gateway</html>")));

        Assert.Contains("<html>bad gateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => ResultFile.Parse(BinaryData.FromString("step,train_loss\n1,0.5\n2,lots\n")));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_one_row_a_step_and_names_the_checkpoint_saved_at_it()
    {
        var steps = new[] { new StepMetrics(1, TrainLoss: 1.5), new StepMetrics(2, TrainLoss: 0.5, ValidLoss: 0.75) };
        var checkpoint = new JobCheckpoint("ftckpt_1", "ft:m:org::x:ckpt-step-2", 2, DateTimeOffset.UnixEpoch, new StepMetrics(2));

        var csv = MetricsCsv.Render(steps, [checkpoint]);

        Assert.Equal(MetricsCsv.Header + "\n1,1.5,,,,,,\n2,0.5,,0.75,,,,ft:m:org::x:ckpt-step-2\n", csv);
    }

    [Theory]
    [InlineData("loss.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [InlineData("loss.svg", new byte[] { (byte)'<', (byte)'?', (byte)'x', (byte)'m', (byte)'l' })]
    public void The_loss_plot_is_written_in_the_format_its_name_asks_for(string name, byte[] magic)
    {
        using var directory = new TempDirectory();
        var steps = Enumerable.Range(1, 12).Select(s => new StepMetrics(s, TrainLoss: 2.0 / s, ValidLoss: s % 4 == 0 ? 2.2 / s : null)).ToList();
        var checkpoints = new[] { 4, 8, 12 }.Select(s => new JobCheckpoint($"c{s}", $"ft:m::x:ckpt-step-{s}", s, DateTimeOffset.UnixEpoch, new StepMetrics(s))).ToList();

        LossPlot.Save(directory.File(name), "ftjob-1", steps, checkpoints);

        var bytes = File.ReadAllBytes(directory.File(name));
        Assert.True(bytes.Length > 1000);
        Assert.Equal(magic, bytes.AsSpan(0, magic.Length).ToArray());
        Assert.Single(Directory.GetFiles(directory.Path)); // no temporary file left behind
        if (name.EndsWith(".svg", StringComparison.Ordinal))
            Assert.Contains("<svg", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plot_named_neither_png_nor_svg_is_refused() =>
        Assert.Throws<ArgumentException>(() => LossPlot.Save("loss.jpg", "t", [], []));

    [Fact]
    public async Task A_running_job_without_a_result_file_takes_its_steps_from_the_metrics_events()
    {
        await using var standIn = new StandInApi();
        var created = await standIn.StartAsync(Token);
        for (var i = 0; i < 2; i++)
            await standIn.Api.OpenJobAsync(created.Id, Token); // still queued, then running; the next read trains

        var metrics = await JobMetrics.ReadAsync(standIn.Api, await standIn.Api.OpenJobAsync(created.Id, Token), Token);

        Assert.Contains("metrics events", metrics.Source, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], metrics.Steps.Select(s => s.Step));
    }

    [Fact]
    public async Task A_finished_jobs_metrics_come_from_its_result_file_with_checkpoint_values_filled_in()
    {
        await using var standIn = new StandInApi();
        var done = await standIn.Watcher().FollowAsync((await standIn.StartAsync(Token)).Id, new RecordingProgress(), Token);

        var metrics = await JobMetrics.ReadAsync(standIn.Api, await standIn.Api.OpenJobAsync(done.Id, Token), Token);

        Assert.StartsWith("result file ", metrics.Source, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 8), metrics.Steps.Select(s => s.Step));
        Assert.Equal([4, 8], metrics.Checkpoints.Select(c => c.Step));
        Assert.All(metrics.Steps.Where(s => s.Step is 4 or 8), s => Assert.NotNull(s.FullValidLoss));
    }
}
