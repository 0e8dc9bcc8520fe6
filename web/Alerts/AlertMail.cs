using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using SmartStore.Models;
using static SmartStore.Storage.Webhooks;

namespace SmartStore.Web.Alerts;

/// <summary>
/// 消息推送 by email: an endpoint's address is its recipients (<c>mailto:a@x.cn,b@y.cn</c>), and the events due at once go as
/// one mail in the words a group robot gets — a subject that says what happened, a line an event, the page to open —
/// as plain text and as HTML whose links can be tapped.
/// </summary>
public static partial class AlertMail
{
    public const string Scheme = "mailto:";

    /// <summary>More than this many recipients is a mailing list's job, not an endpoint's.</summary>
    public const int MaxRecipients = 20;

    /// <summary>Alerts a mail holds before the next begins (by their lines' bytes): a long burst still reads as a few mails.</summary>
    public const int MaxBytes = 32_000;

    /// <summary>
    /// The recipients typed (with or without <c>mailto:</c>, separated by commas, semicolons or spaces) as the endpoint's
    /// address, or the reason they are not: each a mail address, one to <see cref="MaxRecipients"/>, none twice.
    /// </summary>
    public static (string? Address, (string En, string Zh)? Error) Recipients(string typed)
    {
        var text = typed.Trim();
        if (text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) text = text[Scheme.Length..];
        var parts = text.Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return (null, ("names no mail address", "未填写邮箱"));
        if (parts.Length > MaxRecipients)
            return (null, ($"names {parts.Length} addresses, at most {MaxRecipients}", $"共 {parts.Length} 个邮箱，最多 {MaxRecipients} 个"));
        if (parts.FirstOrDefault(p => !IsMailbox(p)) is { } wrong) return (null, ($"'{wrong}' is not a mail address", $"“{wrong}”不是邮箱地址"));
        return (Scheme + string.Join(",", parts.Distinct(StringComparer.OrdinalIgnoreCase)), null);
    }

    /// <summary>A bare address with a user and a domain (user@shop.example.cn), as a mail server takes it in RCPT TO.</summary>
    private static bool IsMailbox(string text) =>
        MailboxAddress.TryParse(text, out var mailbox) && mailbox.Name is null or "" && mailbox.Address == text
        && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0 && !mailbox.Domain.StartsWith('.') && !mailbox.Domain.EndsWith('.');

    /// <summary>The endpoint's recipients, as stored.</summary>
    public static IEnumerable<MailboxAddress> To(string address) =>
        address[Scheme.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(MailboxAddress.Parse);

    /// <summary>One mail for a group of events due at once to one endpoint (<see cref="WebhookMessage.Groups"/>).</summary>
    public static MimeMessage Compose(IReadOnlyList<DueDelivery> group, string? root, MailboxAddress from)
    {
        var text = WebhookMessage.Lines(group, root);
        var message = new MimeMessage { Subject = WebhookMessage.Prefix + Subject(group) };
        message.From.Add(from);
        message.To.AddRange(To(group[0].Url));
        // The same events sent again (a retry after a lost answer) carry the same id, so a mail client can drop the repeat; a
        // test send is no event, and each is a mail of its own (its time in the id).
        var ids = group[0].Kind == WebhookMessage.TestKind ? "test" : string.Join(",", group.Select(d => d.EventId));
        var identity = $"{group[0].Url}|{ids}|{group[0].OccurredUtc.Ticks}";
        message.MessageId = $"smartstore.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32]}@{from.Domain}";
        message.Headers.Add(WebhookMessage.EventHeader, group.All(d => d.Kind == group[0].Kind) ? group[0].Kind : "batch");
        message.Headers.Add(WebhookMessage.DeliveryHeader, ids);
        message.Body = new BodyBuilder { TextBody = text + "\n", HtmlBody = Html(text) }.ToMessageBody();
        return message;
    }

    /// <summary>A daily report's first line, one alert's words, or how many alerts and the first of them.</summary>
    private static string Subject(IReadOnlyList<DueDelivery> group) => group switch
    {
        [{ Kind: AlertKinds.DailyReport, Report: { } report }] => report.Split('\n')[0],
        [var one] => WebhookMessage.Words(one),
        _ => $"{group.Count} 条告警：{WebhookMessage.Words(group[0])} 等",
    };

    /// <summary>The text as HTML: a paragraph a line, every web address a link.</summary>
    private static string Html(string text)
    {
        var body = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;font-size:14px;line-height:1.6\">");
        foreach (var line in text.Split('\n'))
            body.Append("<p style=\"margin:0 0 6px\">").Append(Address().Replace(WebUtility.HtmlEncode(line),
                m => $"<a href=\"{m.Value}\">{m.Value}</a>")).Append("</p>");
        return body.Append("</body></html>").ToString();
    }

    // Run on encoded text: an address's & is &amp; there, which is also how it belongs in an href.
    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Address();
}
