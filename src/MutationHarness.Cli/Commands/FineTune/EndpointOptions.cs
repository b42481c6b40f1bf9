using System.CommandLine;
using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary>The options every <c>finetune</c> subcommand takes to reach the API: where, with which key, how patiently.</summary>
internal sealed class EndpointOptions
{
    private readonly Option<string> _endpoint = new("--endpoint")
    {
        Description = "The API base: the public API, or any compatible server (e.g. http://localhost:8000/v1).",
        DefaultValueFactory = _ => FineTuneConnection.PublicEndpoint.ToString(),
    };

    private readonly Option<string> _apiKeyEnv = new("--api-key-env")
    {
        Description = "The environment variable that holds the API key.",
        DefaultValueFactory = _ => "OPENAI_API_KEY",
    };

    private readonly Option<int> _retries = new("--retries")
    {
        Description = "Retries of a request answered 429 (any request) or 5xx (reads only), honouring Retry-After.",
        DefaultValueFactory = _ => 5,
    };

    public void AddTo(Command command)
    {
        command.Add(_endpoint);
        command.Add(_apiKeyEnv);
        command.Add(_retries);
    }

    /// <summary>The API client the options describe; bad values are usage errors.</summary>
    public FineTuneApi Open(ParseResult result)
    {
        var endpoint = result.GetValue(_endpoint)!;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--endpoint must be an http(s) URL such as https://api.openai.com/v1, not '{endpoint}'");
        var retries = result.GetValue(_retries);
        if (retries is < 0 or > 20)
            throw new UsageException("--retries is between 0 and 20");
        var variable = result.GetValue(_apiKeyEnv)!;
        var key = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(key))
        {
            if (uri == FineTuneConnection.PublicEndpoint || uri.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"${variable} is not set: export the API key, or name the variable that holds it with --api-key-env");
            Console.Error.WriteLine($"note: ${variable} is not set; sending a placeholder key (fine for local servers that need none)");
        }
        return new FineTuneApi(new FineTuneConnection(uri, string.IsNullOrEmpty(key) ? "no-key" : key)
        {
            MaxRetries = retries,
            OnRetry = message => Console.Error.WriteLine($"retrying: {message}"),
        });
    }
}
