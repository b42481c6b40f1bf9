using System.Diagnostics;
using MutationHarness.Core.Files;
using MutationHarness.Verification.Generation;

namespace MutationHarness.Cli.Commands;

/// <summary>Streams a generator's pairs to the output as they verify, with a progress line; Ctrl-C keeps the pairs
/// written so far (each line is a whole verified pair).</summary>
internal static class GenerationRun
{
    /// <summary>Writes every pair; true when the run was interrupted (what was written is kept).</summary>
    public static async Task<bool> WriteAsync(PairGenerator generator, string path, CancellationToken cancellationToken)
    {
        var file = path == "-" ? null : OutputFile.Create(path);
        try
        {
            var stream = file?.Stream ?? Console.OpenStandardOutput();
            var writer = new GeneratedPairWriter(stream);
            var interrupted = false;
            using (new GenerationProgress(generator.Summary))
            {
                try
                {
                    // The writes are not cancelled mid-line: a line is written whole or not at all.
                    await foreach (var pair in generator.RunAsync(cancellationToken))
                        await writer.WriteAsync(pair, CancellationToken.None);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    interrupted = true;
                }
            }

            if (file is not null)
                await file.CommitAsync();
            else
                await stream.FlushAsync(CancellationToken.None);
            if (file is not null)
                Console.Error.WriteLine($"pairs: {Path.GetFullPath(path)}");
            return interrupted;
        }
        finally
        {
            if (file is not null)
                await file.DisposeAsync();
        }
    }

    /// <summary>A line on standard error every few seconds: pairs written of those asked, candidates tried.</summary>
    private sealed class GenerationProgress : IDisposable
    {
        private readonly GenerationSummary _summary;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Timer _timer;

        public GenerationProgress(GenerationSummary summary)
        {
            _summary = summary;
            _timer = new Timer(_ => Print(), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        }

        private void Print()
        {
            var asked = _summary.PerStrategy * _summary.Strategies.Count;
            Console.Error.WriteLine($"… {_summary.Written:N0} of {asked:N0} pairs in {_clock.Elapsed:mm\\:ss} " +
                $"({_summary.Written / Math.Max(0.001, _clock.Elapsed.TotalSeconds):N0}/s), {_summary.Tried:N0} candidates verified");
        }

        public void Dispose()
        {
            _timer.Dispose();
            Console.Error.WriteLine($"done: {_summary.Written:N0} pairs from {_summary.Tried:N0} candidates in {_clock.Elapsed.TotalSeconds:N1} s");
        }
    }
}
