using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// 每日日报 for webhooks: one report a region (and one for the chain, and one for each store whose own endpoint wants it) a
/// day, written once whatever the number of web hosts.
/// </summary>
public sealed class DailyReports(SmartStoreDatabase database)
{
    /// <summary>The region code a chain-wide report is filed under (an endpoint for the whole chain gets it).</summary>
    public const string Chain = "";

    /// <summary>Whether any live endpoint wants daily reports (none: no report is worth computing).</summary>
    public async Task<bool> Wanted(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM webhooks WHERE removed_utc IS NULL AND @kind = ANY(kinds))", new { kind = AlertKinds.DailyReport },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> Written(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM daily_reports WHERE day = @day)", new { day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
    }

    /// <summary>The stores whose own endpoints want daily reports: only theirs are worth composing.</summary>
    public async Task<IReadOnlyList<string>> StoresWanting(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT store_code FROM webhooks WHERE removed_utc IS NULL AND store_code IS NOT NULL AND @kind = ANY(kinds) ORDER BY 1",
            new { kind = AlertKinds.DailyReport }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The day's reports, each sent to the endpoints it is for — a region's to the region's, the chain's (region
    /// <see cref="Chain"/>) to the whole chain's, a store's to the store's — in one statement that first claims the day:
    /// false when another host has written that day's already.
    /// </summary>
    public async Task<bool> Write(DateOnly day, IReadOnlyList<DailyReportText> reports, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH claimed AS (
                INSERT INTO daily_reports (day) VALUES (@day) ON CONFLICT (day) DO NOTHING RETURNING day),
            event AS (
                INSERT INTO alert_events (kind, region_code, store_code, report, occurred_utc)
                SELECT @kind, r.region, r.store, r.report, @atUtc FROM unnest(@regions::text[], @stores::text[], @texts::text[]) AS r(region, store, report)
                WHERE EXISTS (SELECT 1 FROM claimed)
                RETURNING id, region_code, store_code),
            fanned AS (
                INSERT INTO webhook_deliveries (webhook_id, event_id)
                SELECT w.id, e.id FROM event e
                JOIN webhooks w ON w.removed_utc IS NULL AND @kind = ANY(w.kinds) AND CASE WHEN e.store_code IS NULL
                    THEN w.store_code IS NULL AND coalesce(w.region_code, '') = e.region_code ELSE w.store_code = e.store_code END)
            SELECT EXISTS (SELECT 1 FROM claimed)
            """, new
        {
            day = day.ToDateTime(TimeOnly.MinValue), kind = AlertKinds.DailyReport, atUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc),
            regions = reports.Select(r => r.RegionCode).ToArray(), stores = reports.Select(r => r.StoreCode).ToArray(),
            texts = reports.Select(r => r.Text).ToArray(),
        }, cancellationToken: cancellationToken));
    }
}

/// <summary>One daily report: a region's (<see cref="DailyReports.Chain"/> for the chain's), or a store's in its region.</summary>
public sealed record DailyReportText(string RegionCode, string? StoreCode, string Text);
