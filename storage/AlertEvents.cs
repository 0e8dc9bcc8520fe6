using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Events for webhooks that no stored state change carries: shelf alerts, judged afresh at each patrol by the store grain.</summary>
public sealed class AlertEvents(SmartStoreDatabase database)
{
    public async Task ShelfAlertRaised(string storeCode, ShelfAlert alert, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            WITH event AS (
                INSERT INTO alert_events (kind, store_code, region_code, detail, slot_id, sku, figure, occurred_utc)
                SELECT @kind, s.code, s.region_code, @detail, @slot, @sku, @figure, @since FROM stores s WHERE s.code = @storeCode
                RETURNING id, kind, region_code)
            {AlertOutbox.FanOut}
            """, new
        {
            kind = AlertKinds.ShelfAlert, storeCode, detail = alert.Kind, slot = alert.SlotId, sku = alert.Sku, figure = alert.Figure,
            since = DateTime.SpecifyKind(alert.SinceUtc, DateTimeKind.Utc),
        }, cancellationToken: cancellationToken));
    }
}
