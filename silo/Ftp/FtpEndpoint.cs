using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.Silo.Ingest;
using SmartStore.Storage;

namespace SmartStore.Silo.Ftp;

/// <summary>What every FTP session needs, resolved once.</summary>
public sealed record FtpEndpointServices(
    FtpOptions Options, CameraRepository Cameras, SnapshotInbox Inbox, LoginLockout Lockout, PassivePorts PassivePorts, ILogger Logger,
    FtpCertificate Certificate);

/// <summary>
/// The FTP endpoint of this silo: accepts control connections and runs a bounded number of sessions
/// at once; a connection over the limit is told 421 and closed, so one flood cannot starve the rest.
/// </summary>
public sealed class FtpEndpoint(
    IOptions<FtpOptions> options, CameraRepository cameras, SnapshotInbox inbox, LoginLockout lockout, PassivePorts passivePorts,
    FtpCertificate certificate, ILogger<FtpEndpoint> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> _sessions = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        var listener = new TcpListener(IPAddress.Parse(o.ListenAddress), o.Port);
        listener.Start();
        logger.LogInformation("FTP endpoint listening on {Address}:{Port}, passive {First}-{Last}", o.ListenAddress, o.Port, o.PassivePortFirst, o.PassivePortLast);
        var services = new FtpEndpointServices(o, cameras, inbox, lockout, passivePorts, logger, certificate);
        using var slots = new SemaphoreSlim(o.MaxSessions);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                if (!slots.Wait(0))
                {
                    logger.LogWarning("FTP: {Max} sessions busy; refusing {Remote}", o.MaxSessions, client.Client.RemoteEndPoint);
                    await RefuseBusy(client);
                    continue;
                }
                var session = Task.Run(async () =>
                {
                    try { await new FtpSession(client, services, stoppingToken).Run(); }
                    catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "FTP session failed"); }
                    finally { slots.Release(); }
                }, CancellationToken.None);
                _sessions.TryAdd(session, 0);
                _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException)
        {
            // Silo shutting down.
        }
        finally
        {
            listener.Stop();
            await Task.WhenAll(_sessions.Keys).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task RefuseBusy(TcpClient client)
    {
        using (client)
        {
            try { await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("421 Too many connections; try again shortly.\r\n")); }
            catch (IOException) { }
        }
    }
}
