using System.Net;
using System.Net.Sockets;

namespace SmartStore.Testing;

/// <summary>Ports on 127.0.0.1 for the servers a test starts, so tests never collide with each other or a running demo.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
