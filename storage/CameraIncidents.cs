using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// Each time a camera went offline or had a view fault, from when to when (设备运维). Written by the camera grains as the
/// states change; read by the camera page and the API.
/// </summary>
public sealed class CameraIncidents(SmartStoreDatabase database)
{
    /// <param name="Kind">"offline", or a view fault's code (blocked, moved, too-dark …).</param>
    public sealed record Incident(long Id, string CameraCode, string Kind, DateTime StartedUtc, DateTime? EndedUtc);

    /// <summary>How often a camera was offline in a span, and for how long in all (an open incident counts up to now).</summary>
    public sealed record Outages(int Count, TimeSpan Total);

    /// <summary>An incident begins; one already open of the same kind stays as it is. A new one is a webhook event.</summary>
    public async Task Open(string cameraCode, string kind, DateTime startedUtc)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync($"""
            WITH changed AS (
                INSERT INTO camera_incidents (camera_code, kind, started_utc) VALUES (@cameraCode, @kind, @startedUtc)
                ON CONFLICT (camera_code, kind) WHERE ended_utc IS NULL DO NOTHING
                RETURNING camera_code, @eventKind::text AS event_kind, @detail::text AS detail, started_utc AS occurred_utc)
            {AlertOutbox.ForCameras}
            """, new { cameraCode, kind, startedUtc, eventKind = kind == OfflineKind ? AlertKinds.CameraOffline : AlertKinds.ViewFault, detail = Detail(kind) });
    }

    /// <summary>The open incident of the kind ends (none open: nothing to do); its end is a webhook event.</summary>
    public async Task Close(string cameraCode, string kind, DateTime endedUtc)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync($"""
            WITH changed AS (
                UPDATE camera_incidents SET ended_utc = GREATEST(@endedUtc, started_utc)
                WHERE camera_code = @cameraCode AND kind = @kind AND ended_utc IS NULL
                RETURNING camera_code, @eventKind::text AS event_kind, @detail::text AS detail, ended_utc AS occurred_utc)
            {AlertOutbox.ForCameras}
            """, new { cameraCode, kind, endedUtc, eventKind = kind == OfflineKind ? AlertKinds.CameraOnline : AlertKinds.ViewCleared, detail = Detail(kind) });
    }

    /// <summary>An incident's kind when the camera was offline (otherwise a view fault's code).</summary>
    public const string OfflineKind = "offline";

    /// <summary>A view fault's code travels with its event; an outage needs none.</summary>
    private static string? Detail(string kind) => kind == OfflineKind ? null : kind;

    public async Task<IReadOnlyList<Incident>> Recent(string cameraCode, int limit)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Incident>("""
            SELECT id, camera_code AS CameraCode, kind, started_utc AS StartedUtc, ended_utc AS EndedUtc
            FROM camera_incidents WHERE camera_code = @cameraCode ORDER BY started_utc DESC, id DESC LIMIT @limit
            """, new { cameraCode, limit })).ToList();
    }

    /// <summary>The camera's offline incidents overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), clipped to it.</summary>
    public async Task<Outages> Offline(string cameraCode, DateTime fromUtc, DateTime toUtc)
    {
        await using var connection = await database.Open();
        var (count, seconds) = await connection.QuerySingleAsync<(long, double)>("""
            SELECT count(*), coalesce(sum(extract(epoch FROM LEAST(coalesce(ended_utc, @toUtc), @toUtc) - GREATEST(started_utc, @fromUtc))), 0)
            FROM camera_incidents
            WHERE camera_code = @cameraCode AND kind = 'offline' AND started_utc < @toUtc AND coalesce(ended_utc, @toUtc) > @fromUtc
            """, new { cameraCode, fromUtc, toUtc });
        return new Outages((int)count, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>A camera bound to a store a report covers.</summary>
    public sealed record CoveredCamera(string Code, string Kind, string StoreCode);

    /// <summary>The cameras of the stores <paramref name="coverage"/> covers, within the viewer's scope; cameras in no store are in no report.</summary>
    public async Task<IReadOnlyList<CoveredCamera>> Cameras(StoreCoverage coverage, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<CoveredCamera>(new CommandDefinition($"""
            SELECT c.code AS Code, c.kind AS Kind, c.store_code AS StoreCode
            FROM cameras c JOIN stores s ON s.code = c.store_code
            WHERE {StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
            ORDER BY c.code
            """, StoreScope.Parameters(coverage.Scope, new { store = coverage.StoreCode, region = coverage.RegionCode }),
            cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Every incident of those cameras overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), unclipped; open ones have no end.</summary>
    public async Task<IReadOnlyList<Incident>> During(StoreCoverage coverage, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<Incident>(new CommandDefinition($"""
            SELECT i.id, i.camera_code AS CameraCode, i.kind, i.started_utc AS StartedUtc, i.ended_utc AS EndedUtc
            FROM camera_incidents i JOIN cameras c ON c.code = i.camera_code JOIN stores s ON s.code = c.store_code
            WHERE {StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
              AND i.started_utc < @toUtc AND coalesce(i.ended_utc, 'infinity') > @fromUtc
            ORDER BY i.camera_code, i.started_utc
            """, StoreScope.Parameters(coverage.Scope, new { store = coverage.StoreCode, region = coverage.RegionCode, fromUtc, toUtc }),
            cancellationToken: cancellationToken))).ToList();
    }
}
