using System.Net;
using System.Net.Sockets;

namespace MutationHarness.TestSupport;

/// <summary>An HTTP server on a free loopback port that hands each request to its own task, for the
/// stand-ins of remote APIs (the chat and fine-tuning endpoints) the tests script.</summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<HttpListenerContext, Task> _serve;
    private readonly Task _loop;

    /// <param name="serve">Answers one request; a slow answer holds up no other.</param>
    public LoopbackHttpServer(Func<HttpListenerContext, Task> serve)
    {
        _serve = serve;
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The API base to give a client (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>Cancelled when the server stops: delays in an answer end with it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => _serve(context));
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // stopping
        }
    }
}
