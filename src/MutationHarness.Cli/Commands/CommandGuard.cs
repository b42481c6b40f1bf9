using MutationHarness.Core.Files;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Cli.Commands;

/// <summary>Turns the errors a command can meet into a message and its exit code; bugs still crash loudly.</summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is UsageException or InputException or OutputException or CatalogException or TargetSpecException or FixtureLoadException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The machine, not the input: a full disk, an output that refuses writes, a file gone mid-run. What was
            // written before stays; it is a clear error, never a crash whose exit code reads as failed pairs.
            Console.Error.WriteLine($"error: reading or writing a file failed: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (TargetStartException e)
        {
            Console.Error.WriteLine($"error: a target could not start: {e.Message}");
            return ExitCodes.TargetFailed;
        }
        catch (Exception e) when (e is TargetFailedException or TargetLostException or Containers.EngineUnavailableException or Containers.ImageBuildException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.TargetFailed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted");
            return InterruptSignals.ExitCode;
        }
    }
}
