using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartStore.Bench.Ingest;

/// <summary>Ports on 127.0.0.1 for the servers the benchmark starts; nothing listens beyond loopback.</summary>
public static class Loopback
{
    public const string Host = "127.0.0.1";

    /// <summary>
    /// Not port 0: the OS hands that out of the ephemeral range, where an outgoing connection (the silo's to PostgreSQL) can
    /// take it before the server binds it.
    /// </summary>
    public static int FreePort() => SmartStore.Testing.Loopback.FreePort();

    /// <summary>Waits until <paramref name="server"/> accepts connections on <paramref name="port"/>; fails when it exits or takes too long.</summary>
    public static async Task WaitForPort(int port, ChildProcess server, TimeSpan within, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
                throw new InvalidOperationException($"{server.Name} exited before listening on port {port}:{Environment.NewLine}{server.Tail()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellation);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > within)
                throw new TimeoutException($"{server.Name} did not listen on port {port} within {within.TotalSeconds:0} s:{Environment.NewLine}{server.Tail()}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }
}
