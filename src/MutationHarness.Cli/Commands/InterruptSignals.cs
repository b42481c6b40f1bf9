using System.Runtime.InteropServices;
using MutationHarness.Verification;

namespace MutationHarness.Cli.Commands;

/// <summary>SIGINT and SIGTERM during a run: the first stops taking records and lets those in flight finish (abandoned
/// after the drain time); the second abandons them at once, and the process exits shortly after even if cleaning up hangs.</summary>
internal sealed class InterruptSignals : IDisposable
{
    /// <summary>The exit code of a run stopped by a signal (128 + SIGINT, as shells report it).</summary>
    public const int ExitCode = 130;

    private static readonly TimeSpan HardExitAfter = TimeSpan.FromSeconds(5);
    private readonly PosixSignalRegistration[] _registrations;
    private int _count;

    public InterruptSignals(RunStop stop, TimeSpan drain)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];

        void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref _count) == 1)
            {
                Console.Error.WriteLine($"{context.Signal}: taking no more records; finishing those in flight (abandoned after " +
                    $"{drain.TotalSeconds:0.#} s). Send it again to stop at once.");
                stop.Stop(drain);
                return;
            }
            Console.Error.WriteLine($"{context.Signal} again: abandoning the records in flight and stopping.");
            stop.Abandon();
            // Cleaning up (servers, accounts) normally takes a moment; never let it hold the process.
            _ = Task.Delay(HardExitAfter).ContinueWith(_ => Environment.Exit(ExitCode), TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        // Once stopping, later signals stay ours until the process ends: a second Ctrl-C that lands while the run
        // is already closing must not fall through to the default handler and kill it with another exit code.
        if (Volatile.Read(ref _count) > 0)
            return;
        foreach (var registration in _registrations)
            registration.Dispose();
    }
}
