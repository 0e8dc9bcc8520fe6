using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// A mail server on loopback that the test system's email endpoints send through (Mail__Host): a real SMTP conversation,
/// every message kept as received. A recipient whose name begins with <c>refused</c> is refused (550), as a server refuses
/// an address it does not know.
/// </summary>
public sealed class MailReceiver : IAsyncDisposable
{
    public sealed record Received(IReadOnlyList<string> To, MimeMessage Message);

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public ConcurrentQueue<Received> Messages { get; } = new();
    public int Port { get; } = Loopback.FreePort();

    public MailReceiver()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("mail.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Mailboxes());
        services.Add(new Inbox(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _serving = _server.StartAsync(_stop.Token);
    }

    /// <summary>The mail that reached <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(m => m.Message).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _serving; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Mailboxes : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith("refused", StringComparison.Ordinal));
    }

    private sealed class Inbox(MailReceiver receiver) : IMessageStore
    {
        public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            receiver.Messages.Enqueue(new Received(transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(), message));
            return SmtpResponse.Ok;
        }
    }
}
