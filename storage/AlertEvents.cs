using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Events for webhooks that no stored state change carries: shelf alerts, judged afresh at each patrol by the store grain.</summary>
public sealed class AlertEvents(SmartStoreDatabase database)
{
    /// <summary>
    /// The store's newly raised shelf alerts (occurred: since when each stands) and those that ended (occurred: when; and why,
    /// where the plan tells), all or none (one statement).
    /// </summary>
    public async Task ShelfAlerts(string storeCode, IReadOnlyList<ShelfAlert> raised, IReadOnlyList<ShelfAlertEnd> ended,
        CancellationToken cancellationToken = default)
    {
        var alerts = raised.Concat(ended.Select(e => e.Alert)).ToList();
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            WITH event AS (
                INSERT INTO alert_events (kind, store_code, region_code, detail, slot_id, sku, figure, occurred_utc, ended_because)
                SELECT a.kind, s.code, s.region_code, a.detail, a.slot, a.sku, a.figure, a.at, a.because
                FROM stores s, unnest(@kinds::text[], @details::text[], @slots::text[], @skus::text[], @figures::text[], @ats::timestamptz[],
                    @becauses::text[]) AS a(kind, detail, slot, sku, figure, at, because)
                WHERE s.code = @storeCode
                RETURNING id, kind, region_code, store_code)
            {AlertOutbox.FanOut}
            """, new
        {
            storeCode,
            kinds = raised.Select(_ => AlertKinds.ShelfAlert).Concat(ended.Select(_ => AlertKinds.ShelfAlertCleared)).ToArray(),
            details = alerts.Select(a => a.Kind).ToArray(),
            slots = alerts.Select(a => a.SlotId).ToArray(),
            skus = alerts.Select(a => a.Sku).ToArray(),
            figures = alerts.Select(a => a.Figure).ToArray(),
            ats = raised.Select(a => a.SinceUtc).Concat(ended.Select(e => e.EndedUtc)).Select(at => DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToArray(),
            becauses = raised.Select(_ => (string?)null).Concat(ended.Select(e => e.Because)).ToArray(),
        }, cancellationToken: cancellationToken));
    }
}
