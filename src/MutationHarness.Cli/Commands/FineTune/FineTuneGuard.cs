using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary>Turns what the API answers into messages and exit codes: refused → 1, out of reach → 3.</summary>
internal static class FineTuneGuard
{
    public static Task<int> RunAsync(Func<Task<int>> work) => CommandGuard.RunAsync(async () =>
    {
        try
        {
            return await work();
        }
        catch (FineTuneApiException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (e.Status is 401 or 403)
                Console.Error.WriteLine("the endpoint refused the key: check the variable --api-key-env names (default OPENAI_API_KEY)");
            return e.Status == 0 ? ExitCodes.TargetFailed : ExitCodes.Failed;
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    });
}
