using System.CommandLine;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary><c>finetune</c>: the fine-tuning lifecycle over the OpenAI SDK (any compatible endpoint).</summary>
internal static class FineTuneCommand
{
    public static Command Create() => new("finetune", """
        Fine-tune a model on a dataset that clean wrote: start a job (files checked and costed first), watch it,
        read its status, events, checkpoints and metrics, cancel it. Every subcommand takes --endpoint (default the
        public API) and --api-key-env (default OPENAI_API_KEY). Exit 0 done, 1 refused or the job failed,
        2 bad usage, 3 the endpoint could not be reached.

        Examples:
          harness finetune start --train dataset/train.jsonl --validation dataset/validation.jsonl --model gpt-4o-mini-2024-07-18 --wait
          harness finetune watch dataset
          harness finetune metrics dataset --out dataset/metrics.csv --plot dataset/loss.svg
        """)
    {
        StartCommand.Create(),
        WatchCommand.Create(),
        JobCommands.Status(),
        JobCommands.List(),
        JobCommands.Events(),
        JobCommands.Checkpoints(),
        MetricsCommand.Create(),
        JobCommands.Cancel(),
    };
}
