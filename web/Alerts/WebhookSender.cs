using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartStore.Storage;
using static SmartStore.Storage.Webhooks;

namespace SmartStore.Web.Alerts;

/// <summary>How the webhook sender works. Bound from configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>How often due deliveries are looked for: an event reaches its endpoints within about this long.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after the first failed try; doubled after each further one, at most an hour.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries before a delivery is given up (8 at the defaults: retried for about an hour, 30 s doubling).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long an endpoint may take to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When, on head office's clock, yesterday's daily reports (每日日报) are sent.</summary>
    public TimeSpan DailyReportAt { get; set; } = TimeSpan.FromHours(9);

    /// <summary>How long events and their deliveries' record are kept once nothing is left to send.</summary>
    public TimeSpan KeepEventsFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The address people open SmartStore at (https://smartstore.example.cn): each message then links to the page it is
    /// about. Empty, messages carry no links.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The group-robot services (hosts, comma-separated) a region's or store's manager may send alerts to; head office's
    /// admins send anywhere.
    /// </summary>
    public string RobotHosts { get; set; } = "qyapi.weixin.qq.com,oapi.dingtalk.com";
}

/// <summary>
/// Sends due webhook deliveries from every web host: each claims a few for a lease, so two hosts do not send one event
/// at once and a host that dies mid-send leaves its claims due again — delivery is at least once (a receiver drops a
/// repeat by its X-SmartStore-Delivery id). A failure is retried with a growing wait.
/// </summary>
public sealed class WebhookSender(Webhooks webhooks, IHttpClientFactory clients, MailSender mail, IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger)
    : BackgroundService
{
    public const string ClientName = "webhooks";
    private const int Batch = 20;
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);
    private DateTime _forgotUtc = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A zero or negative setting would throw here and stop the web host: the default instead.
        using var timer = new PeriodicTimer(options.Value.PollEvery > TimeSpan.Zero ? options.Value.PollEvery : TimeSpan.FromSeconds(2));
        try
        {
            do
            {
                await SendDue(stoppingToken);
                await ForgetOld(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is claimed and unsent falls due again when its lease ends.
        }
    }

    private async Task SendDue(CancellationToken stoppingToken)
    {
        try
        {
            IReadOnlyList<DueDelivery> due;
            do
            {
                // The lease outlasts a batch of sends to one endpoint that each time out. Endpoints are sent to side by
                // side, each in event order: a dead one holds up only its own deliveries.
                due = await webhooks.Claim(Batch, options.Value.Timeout * (Batch + 1), stoppingToken);
                await Task.WhenAll(due.GroupBy(d => d.WebhookId).Select(endpoint => SendAll(endpoint.ToList(), stoppingToken)));
            } while (due.Count == Batch);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Webhook deliveries could not be read; trying again at the next poll");
        }
    }

    /// <summary>Once an hour, old events go: each web host does it, which only repeats a cheap delete.</summary>
    private async Task ForgetOld(CancellationToken stoppingToken)
    {
        if (DateTime.UtcNow - _forgotUtc < ForgetEvery) return;
        _forgotUtc = DateTime.UtcNow;
        try
        {
            var forgotten = await webhooks.Forget(DateTime.UtcNow - options.Value.KeepEventsFor, stoppingToken);
            if (forgotten > 0) logger.LogInformation("Forgot {Count} webhook events older than {Days} days", forgotten, options.Value.KeepEventsFor.TotalDays);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Old webhook events could not be removed; trying again in an hour");
        }
    }

    /// <summary>The address messages link to (<see cref="WebhookOptions.PublicUrl"/>), or null when none is set.</summary>
    public string? LinkAddress => PageLinks.Root(options.Value.PublicUrl);

    /// <summary>
    /// One endpoint's due deliveries, in event order: a robot's together (a few messages of many lines), a mailbox's as one
    /// mail of them (a daily report a mail of its own), the rest one by one.
    /// </summary>
    private async Task SendAll(IReadOnlyList<DueDelivery> deliveries, CancellationToken stoppingToken)
    {
        var root = LinkAddress;
        if (deliveries[0].Format == "email")
            foreach (var group in WebhookMessage.Groups(deliveries, root, AlertMail.MaxBytes))
                await Send(group, cancellation => Mail(group, root, cancellation), stoppingToken);
        else if (deliveries[0].Format == "text" && deliveries.Count > 1)
            foreach (var (body, batch) in WebhookMessage.RobotBatches(deliveries, root))
                await Send(batch, cancellation => Post(batch, body, cancellation), stoppingToken);
        else
            foreach (var delivery in deliveries)
                await Send([delivery], cancellation => Post([delivery], WebhookMessage.Body(delivery, root), cancellation), stoppingToken);
    }

    /// <summary>A message sent now outside the deliveries (a test send): to a mailbox as a mail, elsewhere as a POST.</summary>
    public Task<(int? Status, string? Error)> SendNow(DueDelivery delivery, CancellationToken cancellationToken) => delivery.Format == "email"
        ? Mail([delivery], LinkAddress, cancellationToken)
        : Post([delivery], WebhookMessage.Body(delivery, LinkAddress), cancellationToken);

    private async Task<(int? Status, string? Error)> Mail(IReadOnlyList<DueDelivery> group, string? root, CancellationToken cancellationToken)
    {
        MimeKit.MimeMessage message;
        try
        {
            message = AlertMail.Compose(group, root, mail.From);
        }
        catch (MimeKit.ParseException e)
        {
            return (null, $"Mail__From is not a mail address: {e.Message}");
        }
        return await mail.Send(message, cancellationToken);
    }

    /// <summary>One message sent and each of its deliveries' outcome written; a failure to write leaves them claimed until the lease ends, then due again.</summary>
    private async Task Send(IReadOnlyList<DueDelivery> deliveries, Func<CancellationToken, Task<(int? Status, string? Error)>> attempt,
        CancellationToken stoppingToken)
    {
        var first = deliveries[0];
        try
        {
            var (status, error) = await attempt(stoppingToken);
            foreach (var delivery in deliveries)
            {
                if (error is null)
                {
                    await webhooks.Delivered(delivery.WebhookId, delivery.EventId, status!.Value);
                    continue;
                }
                var attempts = delivery.Attempts + 1;
                TimeSpan? retry = attempts >= options.Value.MaxAttempts ? null : Backoff(attempts);
                logger.LogWarning("Webhook {Webhook} event {Event} ({Kind}) not delivered, try {Attempt}: {Error}{Retry}", delivery.WebhookId,
                    delivery.EventId, delivery.Kind, attempts, error, retry is null ? "; given up" : $"; again in {retry}");
                await webhooks.Failed(delivery.WebhookId, delivery.EventId, status, error, retry);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Webhook {Webhook} events {Events}: the outcome could not be written; sent again when their claim ends",
                first.WebhookId, string.Join(",", deliveries.Select(d => d.EventId)));
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        // Doubling stops at an hour; the exponent is capped so a large MaxAttempts cannot overflow it.
        var wait = options.Value.RetryAfter * Math.Pow(2, Math.Min(attempts - 1, 20));
        return wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait;
    }

    /// <summary>
    /// WeCom and DingTalk group robots answer 200 to a message they refuse (a wrong key, too many a minute), with an
    /// errcode other than 0 in the body: that is not delivered, and is tried again like any failure.
    /// </summary>
    private static async Task<string?> RobotRefusal(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            if (answer.RootElement.ValueKind != JsonValueKind.Object || !answer.RootElement.TryGetProperty("errcode", out var code)
                || code.ValueKind != JsonValueKind.Number || code.GetInt64() == 0)
                return null;
            var message = answer.RootElement.TryGetProperty("errmsg", out var text) ? text.ToString() : "";
            return $"robot errcode {code.GetInt64()} {message}".Trim();
        }
        catch (JsonException)
        {
            return null; // not a robot's JSON answer: a 2xx from another kind of endpoint is delivered
        }
    }

    /// <summary>One POST; a 2xx answer is delivered, anything else (or no answer) the reason it was not.</summary>
    private async Task<(int? Status, string? Error)> Post(IReadOnlyList<DueDelivery> deliveries, string body, CancellationToken cancellationToken)
    {
        var first = deliveries[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, first.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookMessage.EventHeader, deliveries.All(d => d.Kind == first.Kind) ? first.Kind : "batch");
        // A test send is no event: its delivery says "test".
        request.Headers.Add(WebhookMessage.DeliveryHeader, first.Kind == WebhookMessage.TestKind ? "test" : string.Join(",", deliveries.Select(d => d.EventId)));
        if (first.Format == "json") request.Headers.Add(WebhookMessage.SignatureHeader, WebhookMessage.Signature(first.Secret, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) return (status, $"HTTP {status} {response.ReasonPhrase}");
            return (status, first.Format == "text" ? await RobotRefusal(response, timeout.Token) : null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Value.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
    }
}
