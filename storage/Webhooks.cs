using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// 消息推送: the endpoints head office, a region's or a store's managers have told us to notify, and each event's delivery
/// to each of them — due, sent, or given up after retries. Events are written by <see cref="AlertOutbox"/> with the states they report.
/// </summary>
public sealed class Webhooks(SmartStoreDatabase database)
{
    /// <summary>An endpoint and how its deliveries went (properties, not a constructor: Dapper reads text[] as an untyped array).</summary>
    public sealed record Subscription
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string Url { get; init; } = "";
        /// <summary>"json" (signed, for the chain's own systems) or "text" (a WeCom / DingTalk group robot).</summary>
        public string Format { get; init; } = "json";
        /// <summary>null (and no store): the whole chain.</summary>
        public string? RegionCode { get; init; }
        /// <summary>One store's own endpoint (its group robot, its manager's mailbox): its alerts and its daily report only.</summary>
        public string? StoreCode { get; init; }
        public string[] Kinds { get; init; } = [];
        public string CreatedBy { get; init; } = "";
        /// <summary>Set up by head office: a region's or store's managers see it and may test it, but not remove it.</summary>
        public bool HeadOffice { get; init; }
        public DateTime CreatedUtc { get; init; }
        public int Delivered { get; init; }
        public int Pending { get; init; }
        public int GaveUp { get; init; }
        public DateTime? LastDeliveredUtc { get; init; }
        public string? LastError { get; init; }
    }

    public sealed record NewSubscription(string Name, string Url, string Format, string? RegionCode, IReadOnlyList<string> Kinds, string? StoreCode = null,
        bool HeadOffice = false);

    /// <summary>One event to send to one endpoint, claimed by this sender for a while.</summary>
    /// <param name="StoreCode">null for an event of no store (a region's or the chain's daily report, a test send).</param>
    /// <param name="RegionCode">the region; <see cref="DailyReports.Chain"/> for the chain's daily report.</param>
    public sealed record DueDelivery(int WebhookId, long EventId, int Attempts, string Url, string Format, string Secret, string Kind,
        string? StoreCode, string? StoreName, string RegionCode, string TimeZone, string? CameraCode, string? Detail, DateTime OccurredUtc,
        string? SlotId = null, string? Sku = null, string? Figure = null, string? Text = null, string? Report = null, string? Note = null,
        string? EndedBecause = null);

    public sealed record Delivery(long EventId, string Kind, string? StoreCode, string? CameraCode, string? Detail, DateTime OccurredUtc,
        int Attempts, DateTime? DeliveredUtc, DateTime? GaveUpUtc, int? LastStatus, string? LastError, string? SlotId);

    private const string Stats = """
        w.id, w.name, w.url, w.format, w.region_code AS RegionCode, w.store_code AS StoreCode, w.kinds, w.created_by AS CreatedBy, w.head_office AS HeadOffice, w.created_utc AS CreatedUtc,
        (SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_utc IS NOT NULL) AS Delivered,
        (SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.delivered_utc IS NULL AND d.gave_up_utc IS NULL) AS Pending,
        (SELECT count(*)::int FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.gave_up_utc IS NOT NULL) AS GaveUp,
        (SELECT max(d.delivered_utc) FROM webhook_deliveries d WHERE d.webhook_id = w.id) AS LastDeliveredUtc,
        (SELECT d.last_error FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.attempts > 0
         ORDER BY d.event_id DESC LIMIT 1) AS LastError
        """;

    /// <summary>
    /// The endpoints a viewer sets up (<see cref="AccessScope.MaySetUpAlerts"/>): head office's admins every one; a
    /// region's or a store's managers the group robots and mailboxes of their regions and stores — the JSON endpoints of
    /// the chain's own systems stay head office's, even for a region.
    /// </summary>
    private const string SetUpBy = """
        (@everything OR w.format <> 'json' AND (w.region_code = ANY(@regions)
            OR EXISTS (SELECT 1 FROM stores s WHERE s.code = w.store_code AND (s.region_code = ANY(@regions) OR s.code = ANY(@stores)))))
        """;

    public async Task<IReadOnlyList<Subscription>> List(AccessScope scope)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Subscription>($"SELECT {Stats} FROM webhooks w WHERE w.removed_utc IS NULL AND {SetUpBy} ORDER BY w.id",
            SetUpParameters(scope, new { }))).ToList();
    }

    /// <summary>A live endpoint <paramref name="scope"/> sets up, or null (none, removed, or someone else's).</summary>
    public async Task<Subscription?> Find(int id, AccessScope scope)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<Subscription>(
            $"SELECT {Stats} FROM webhooks w WHERE w.id = @id AND w.removed_utc IS NULL AND {SetUpBy}", SetUpParameters(scope, new { id }));
    }

    private static DynamicParameters SetUpParameters(AccessScope scope, object others)
    {
        var parameters = StoreScope.Parameters(scope, others);
        parameters.Add("everything", scope.MayEditMasterData);
        return parameters;
    }

    /// <summary>Adds an endpoint; returns its id and the signing secret, shown once to whoever set it up.</summary>
    public Task<(int Id, string Secret)> Add(NewSubscription subscription, string actor) => database.InTransaction(async (c, t) =>
    {
        var secret = $"whsec_{CameraSecret.Generate(32)}";
        var id = await c.ExecuteScalarAsync<int>("""
            INSERT INTO webhooks (name, url, format, secret, region_code, store_code, kinds, created_by, head_office)
            VALUES (@Name, @Url, @Format, @secret, @RegionCode, @StoreCode, @kinds, @actor, @HeadOffice) RETURNING id
            """, new
        {
            subscription.Name, subscription.Url, subscription.Format, secret, subscription.RegionCode, subscription.StoreCode,
            kinds = subscription.Kinds.ToArray(), actor, subscription.HeadOffice,
        }, t);
        // A robot's key is in its address's query: the audit log keeps the address without it.
        var url = subscription.Url.Split('?')[0];
        await AuditTrail.Record(c, t, actor, "create", "webhook", id.ToString(),
            new { subscription.Name, url, subscription.RegionCode, subscription.StoreCode, subscription.Kinds });
        return (id, secret);
    });

    /// <summary>Stops an endpoint: nothing more is sent to it, what it was sent stays on record.</summary>
    public Task<bool> Remove(int id, string actor) => database.InTransaction(async (c, t) =>
    {
        var removed = await c.ExecuteAsync("UPDATE webhooks SET removed_utc = now() WHERE id = @id AND removed_utc IS NULL", new { id }, t) > 0;
        if (removed) await AuditTrail.Record(c, t, actor, "delete", "webhook", id.ToString(), new { });
        return removed;
    });

    /// <summary>Where and how a live endpoint is sent to, with its signing secret (for a test send).</summary>
    public sealed record Endpoint(string Url, string Format, string Secret);

    /// <summary>A live endpoint <paramref name="scope"/> sets up, as it is sent to; null for none, removed, or someone else's.</summary>
    public async Task<Endpoint?> EndpointOf(int id, AccessScope scope)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<Endpoint>(
            $"SELECT w.url, w.format, w.secret FROM webhooks w WHERE w.id = @id AND w.removed_utc IS NULL AND {SetUpBy}", SetUpParameters(scope, new { id }));
    }

    public async Task<IReadOnlyList<Delivery>> Deliveries(int webhookId, int limit)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Delivery>("""
            SELECT e.id AS EventId, e.kind, e.store_code AS StoreCode, e.camera_code AS CameraCode, e.detail, e.occurred_utc AS OccurredUtc,
                   d.attempts, d.delivered_utc AS DeliveredUtc, d.gave_up_utc AS GaveUpUtc, d.last_status AS LastStatus, d.last_error AS LastError,
                   e.slot_id AS SlotId
            FROM webhook_deliveries d JOIN alert_events e ON e.id = d.event_id
            WHERE d.webhook_id = @webhookId ORDER BY e.id DESC LIMIT @limit
            """, new { webhookId, limit })).ToList();
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> due deliveries of live endpoints for <paramref name="lease"/>: another sender
    /// (a second web host) skips them meanwhile, and a sender that dies leaves them due again when the lease runs out.
    /// </summary>
    public async Task<IReadOnlyList<DueDelivery>> Claim(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<DueDelivery>(new CommandDefinition("""
            WITH claimed AS (
                UPDATE webhook_deliveries d SET next_attempt_utc = now() + @lease::interval
                FROM (SELECT d.webhook_id, d.event_id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.removed_utc IS NULL
                      WHERE d.delivered_utc IS NULL AND d.gave_up_utc IS NULL AND d.next_attempt_utc <= now()
                      ORDER BY d.next_attempt_utc LIMIT @limit FOR UPDATE OF d SKIP LOCKED) due
                WHERE d.webhook_id = due.webhook_id AND d.event_id = due.event_id
                RETURNING d.webhook_id, d.event_id, d.attempts)
            SELECT c.webhook_id AS WebhookId, c.event_id AS EventId, c.attempts, w.url, w.format, w.secret, e.kind,
                   e.store_code AS StoreCode, s.name AS StoreName, e.region_code AS RegionCode,
                   coalesce(s.time_zone, 'UTC') AS TimeZone, e.camera_code AS CameraCode, e.detail, e.occurred_utc AS OccurredUtc,
                   e.slot_id AS SlotId, e.sku, e.figure, e.text, e.report, e.note, e.ended_because AS EndedBecause
            FROM claimed c JOIN webhooks w ON w.id = c.webhook_id JOIN alert_events e ON e.id = c.event_id
            -- A daily report is a region's, of no store.
            LEFT JOIN stores s ON s.code = e.store_code
            ORDER BY c.event_id
            """, new { limit, lease }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task Delivered(int webhookId, long eventId, int status)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync("""
            UPDATE webhook_deliveries SET attempts = attempts + 1, delivered_utc = now(), last_status = @status, last_error = NULL
            WHERE webhook_id = @webhookId AND event_id = @eventId
            """, new { webhookId, eventId, status });
    }

    /// <summary>
    /// Sends again, from the first attempt, the endpoint's delivery of <paramref name="eventId"/> once it is over (delivered —
    /// the receiver lost it — or given up), or, with no event named, every one given up (the endpoint was down for longer
    /// than the retries and is back). How many were queued; none of a removed endpoint, nor of one still being tried.
    /// </summary>
    public async Task<int> SendAgain(int webhookId, long? eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_deliveries d SET attempts = 0, next_attempt_utc = now(), delivered_utc = NULL, gave_up_utc = NULL,
                   last_status = NULL, last_error = NULL
            FROM webhooks w
            WHERE w.id = d.webhook_id AND w.removed_utc IS NULL AND d.webhook_id = @webhookId
              AND CASE WHEN @eventId::bigint IS NULL THEN d.gave_up_utc IS NOT NULL
                       ELSE d.event_id = @eventId AND (d.delivered_utc IS NOT NULL OR d.gave_up_utc IS NOT NULL) END
            """, new { webhookId, eventId }, cancellationToken: cancellationToken));
    }

    /// <summary>A failed send: tried again after <paramref name="retryAfter"/>, or given up when that is null.</summary>
    public async Task Failed(int webhookId, long eventId, int? status, string error, TimeSpan? retryAfter)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync("""
            UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = @status::int, last_error = @error,
                   next_attempt_utc = now() + coalesce(@retryAfter::interval, interval '0'),
                   gave_up_utc = CASE WHEN @retryAfter::interval IS NULL THEN now() END
            WHERE webhook_id = @webhookId AND event_id = @eventId
            """, new { webhookId, eventId, status, error = error.Length > 500 ? error[..500] : error, retryAfter });
    }

    /// <summary>
    /// Events older than <paramref name="beforeUtc"/> with nothing left to send go, with their deliveries' record (a
    /// removed endpoint's unsent ones are never sent).
    /// </summary>
    public async Task<int> Forget(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM alert_events e WHERE e.created_utc < @beforeUtc AND NOT EXISTS (
                SELECT 1 FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id AND w.removed_utc IS NULL
                WHERE d.event_id = e.id AND d.delivered_utc IS NULL AND d.gave_up_utc IS NULL)
            """, new { beforeUtc }, cancellationToken: cancellationToken));
    }
}
