using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary>
/// Shows a followed job. On a terminal, one status line is rewritten in place with the latest step
/// and loss, and only message events get lines of their own; piped, every event is a plain line
/// and a status change is a line, so logs stay readable.
/// </summary>
internal sealed class WatchDisplay : IJobProgress
{
    private readonly TextWriter _output;
    private readonly bool _live;
    private string? _lastStatus;
    private bool _lineOpen;

    public WatchDisplay(TextWriter output, bool live)
    {
        _output = output;
        _live = live;
    }

    /// <summary>Live when standard output is a terminal.</summary>
    public static WatchDisplay ForConsole() => new(Console.Out, live: !Console.IsOutputRedirected);

    public void Event(JobEvent jobEvent)
    {
        if (_live && jobEvent.Metrics is not null)
            return; // the status line shows it
        CloseLine();
        _output.WriteLine(JobText.Event(jobEvent));
    }

    public void Status(FineTuneJob job, StepMetrics? latest)
    {
        if (_live)
        {
            var text = latest is null ? job.Status : $"{job.Status}  {JobText.Step(latest)}";
            _output.Write($"\r\u001b[2K{job.Id}  {text}");
            _lineOpen = true;
        }
        else if (job.Status != _lastStatus)
        {
            _output.WriteLine($"status: {job.Status}");
        }
        _lastStatus = job.Status;
    }

    public void Trouble(string message)
    {
        CloseLine();
        _output.WriteLine($"warning: {message}");
    }

    /// <summary>Ends the live line so what follows starts on a line of its own.</summary>
    public void CloseLine()
    {
        if (!_lineOpen)
            return;
        _output.WriteLine();
        _lineOpen = false;
    }
}
