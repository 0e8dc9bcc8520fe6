using System.Net;
using System.Net.Sockets;

namespace SmartStore.Testing;

/// <summary>Ports on 127.0.0.1 for the servers a test starts, so tests never collide with each other or a running demo.</summary>
public static class Loopback
{
    /// <summary>
    /// Below the kernel's ephemeral range (32768–60999 by default): a port the OS calls free there (port 0) may be taken as
    /// the local end of any outgoing connection — a database client's, an HTTP client's — before the test's server binds
    /// it, and the server then fails with "address already in use". Clear of the fixed ports the demo and the tests use
    /// (2121, 5080/5081, 11111, 21000–21899, 30000, 55432/55433).
    /// </summary>
    private const int First = 22000, Last = 29999;

    private static readonly HashSet<int> Given = [];

    /// <summary>A port free now, never given before in this process; a random one, so two test processes rarely meet.</summary>
    public static int FreePort()
    {
        lock (Given)
        {
            for (var tries = 0; tries < 500; tries++)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (Given.Add(port) && IsFree(port)) return port;
            }
        }
        throw new InvalidOperationException($"No free port on 127.0.0.1 between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
