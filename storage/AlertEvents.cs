using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Events for webhooks that no stored state change carries: shelf alerts, judged afresh at each patrol by the store grain.</summary>
public sealed class AlertEvents(SmartStoreDatabase database)
{
    /// <summary>The store's newly raised shelf alerts, all or none (one statement).</summary>
    public async Task ShelfAlertsRaised(string storeCode, IReadOnlyList<ShelfAlert> alerts, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            WITH event AS (
                INSERT INTO alert_events (kind, store_code, region_code, detail, slot_id, sku, figure, occurred_utc)
                SELECT @kind, s.code, s.region_code, a.detail, a.slot, a.sku, a.figure, a.since
                FROM stores s, unnest(@details::text[], @slots::text[], @skus::text[], @figures::text[], @sinces::timestamptz[])
                    AS a(detail, slot, sku, figure, since)
                WHERE s.code = @storeCode
                RETURNING id, kind, region_code, store_code)
            {AlertOutbox.FanOut}
            """, new
        {
            kind = AlertKinds.ShelfAlert, storeCode,
            details = alerts.Select(a => a.Kind).ToArray(),
            slots = alerts.Select(a => a.SlotId).ToArray(),
            skus = alerts.Select(a => a.Sku).ToArray(),
            figures = alerts.Select(a => a.Figure).ToArray(),
            sinces = alerts.Select(a => DateTime.SpecifyKind(a.SinceUtc, DateTimeKind.Utc)).ToArray(),
        }, cancellationToken: cancellationToken));
    }
}
