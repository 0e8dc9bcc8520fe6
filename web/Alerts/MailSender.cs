using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SmartStore.Web.Alerts;

/// <summary>The chain's mail server that 消息推送's email endpoints are sent through. Bound from configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    /// <summary>The SMTP server (smtp.example.cn); none set, no endpoint can be an email one.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Auto: TLS on connect at port 465, STARTTLS where the server offers it elsewhere.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Signs in with these when a username is set (most relays want it).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Who the mail is from: an address the server lets this account send as.</summary>
    public string From { get; set; } = "SmartStore 智慧门店 <smartstore@localhost>";

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Sends one message over SMTP and says how it went, as a web endpoint's answer is said: the server's reply code, or
/// why there was none. A connection a message: alerts go out a few a minute at most, grouped.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IOptions<WebhookOptions> webhooks)
{
    /// <summary>What a server says for a message it took (RFC 5321's "requested mail action okay").</summary>
    private const int Accepted = 250;

    public bool Configured => options.Value.Configured;

    /// <summary>The mail server, as the page says where mail goes ("smtp.example.cn:25"); null when none is set.</summary>
    public string? Server => Configured ? $"{options.Value.Host}:{options.Value.Port}" : null;

    /// <summary>The From address (Mail__From); a <see cref="ParseException"/> when it is not one.</summary>
    public MailboxAddress From => MailboxAddress.Parse(options.Value.From);

    public async Task<(int? Status, string? Error)> Send(MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        if (string.IsNullOrWhiteSpace(mail.Host)) return (null, "no mail server is set (Mail__Host)");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(webhooks.Value.Timeout);
        using var client = new SmtpClient { Timeout = (int)webhooks.Value.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(mail.Host, mail.Port, mail.Security, timeout.Token);
            if (!string.IsNullOrEmpty(mail.Username)) await client.AuthenticateAsync(mail.Username, mail.Password ?? "", timeout.Token);
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return (Accepted, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer from {Server} within {webhooks.Value.Timeout.TotalSeconds:0} s");
        }
        catch (SmtpCommandException e)
        {
            // A refused recipient, sender or message: the server's code and words.
            return ((int)e.StatusCode, $"SMTP {(int)e.StatusCode} {e.Message}".Trim());
        }
        catch (Exception e) when (e is SmtpProtocolException or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
                                       or SocketException or IOException or TimeoutException)
        {
            return (null, $"{Server}: {e.Message}");
        }
    }
}
