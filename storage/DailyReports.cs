using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>每日日报 for webhooks: one report a region (and one for the chain) a day, written once whatever the number of web hosts.</summary>
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

    /// <summary>
    /// The day's reports (region code → text, <see cref="Chain"/> for the chain), each sent to the endpoints of its region
    /// (the chain's to those of the whole chain), in one statement that first claims the day: false when another host
    /// has written that day's already.
    /// </summary>
    public async Task<bool> Write(DateOnly day, IReadOnlyDictionary<string, string> reports, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH claimed AS (
                INSERT INTO daily_reports (day) VALUES (@day) ON CONFLICT (day) DO NOTHING RETURNING day),
            event AS (
                INSERT INTO alert_events (kind, region_code, report, occurred_utc)
                SELECT @kind, r.region, r.report, @atUtc FROM unnest(@regions::text[], @texts::text[]) AS r(region, report)
                WHERE EXISTS (SELECT 1 FROM claimed)
                RETURNING id, region_code),
            fanned AS (
                INSERT INTO webhook_deliveries (webhook_id, event_id)
                SELECT w.id, e.id FROM event e
                JOIN webhooks w ON w.removed_utc IS NULL AND @kind = ANY(w.kinds) AND coalesce(w.region_code, '') = e.region_code)
            SELECT EXISTS (SELECT 1 FROM claimed)
            """, new
        {
            day = day.ToDateTime(TimeOnly.MinValue), kind = AlertKinds.DailyReport, atUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc),
            regions = reports.Keys.ToArray(), texts = reports.Values.ToArray(),
        }, cancellationToken: cancellationToken));
    }
}
