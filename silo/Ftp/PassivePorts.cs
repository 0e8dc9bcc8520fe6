using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using SmartStore.Silo.Ingest;

namespace SmartStore.Silo.Ftp;

/// <summary>Opens passive-mode data listeners on the configured port range, trying the next port when one is busy.</summary>
public sealed class PassivePorts(IOptions<FtpOptions> options)
{
    private int _next;

    public TcpListener Open()
    {
        var o = options.Value;
        var count = o.PassivePortLast - o.PassivePortFirst + 1;
        for (var attempt = 0; attempt < count; attempt++)
        {
            var port = o.PassivePortFirst + (int)((uint)Interlocked.Increment(ref _next) % (uint)count);
            var listener = new TcpListener(IPAddress.Parse(o.ListenAddress), port);
            try
            {
                listener.Start(1);
                return listener;
            }
            catch (SocketException)
            {
                listener.Dispose();
            }
        }
        throw new IOException($"No free passive port in {o.PassivePortFirst}-{o.PassivePortLast}.");
    }
}
