using System.Net;
using System.Net.Sockets;

namespace MutationHarness.Databases.Local;

/// <summary>Finds a loopback TCP port nobody listens on (it may be taken again before the server binds: the caller retries).</summary>
internal static class FreePort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint) listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
