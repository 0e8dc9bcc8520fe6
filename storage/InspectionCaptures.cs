using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Inspection pictures as reviewers see them, and their review: passed, or a to-do raised for the store.</summary>
public sealed class InspectionCaptures(SmartStoreDatabase database)
{
    private const string Select = """
        SELECT c.id AS Id, c.task_id AS TaskId, k.name AS TaskName, c.store_code AS StoreCode, s.name AS StoreName,
               s.region_code AS RegionCode, c.camera_code AS CameraCode, c.day_local AS DayLocal, c.due_utc AS DueUtc,
               c.snapshot_id AS SnapshotId, c.pictured_utc AS PicturedUtc, c.status AS Status, c.reviewed_by AS ReviewedBy,
               c.reviewed_utc AS ReviewedUtc, s.time_zone AS TimeZone
        FROM inspection_captures c JOIN inspection_tasks k ON k.id = c.task_id JOIN stores s ON s.code = c.store_code
        """;

    /// <summary>One store-local day's pictures in the viewer's scope, optionally of one task, store or status; by due time.</summary>
    public async Task<IReadOnlyList<InspectionCapture>> OfDay(StoreCoverage coverage, DateOnly day, long? taskId, string? status, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<CaptureRow>(new CommandDefinition($"""
            {Select}
            WHERE c.day_local = @day AND {StoreScope.Visible}
              AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
              AND (@taskId::bigint IS NULL OR c.task_id = @taskId) AND (@status::text IS NULL OR c.status = @status)
            ORDER BY c.due_utc, k.name, s.code, c.camera_code LIMIT @limit
            """, StoreScope.Parameters(coverage.Scope, new
        {
            day = day.ToDateTime(TimeOnly.MinValue), store = coverage.StoreCode, region = coverage.RegionCode, taskId, status, limit,
        }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToCapture()).ToList();
    }

    /// <summary>How many of one store-local day's pictures in the viewer's scope wait for a look (captured, not yet reviewed).</summary>
    public async Task<int> AwaitingReview(AccessScope scope, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition($"""
            SELECT count(*) FROM inspection_captures c JOIN stores s ON s.code = c.store_code
            WHERE c.status = 'captured' AND c.day_local = @day AND {StoreScope.Visible}
            """, StoreScope.Parameters(scope, new { day = day.ToDateTime(TimeOnly.MinValue) }), cancellationToken: cancellationToken));
    }

    public async Task<InspectionCapture?> Find(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CaptureRow>(new CommandDefinition(
            $"{Select} WHERE c.id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToCapture();
    }

    /// <summary>Marks a captured picture as looked at and fine. False when it is not (or no longer) waiting for a look.</summary>
    public Task<bool> Pass(long id, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("""
            UPDATE inspection_captures SET status = 'passed', reviewed_by = @actor, reviewed_utc = now()
            WHERE id = @id AND status = 'captured'
            """, new { id, actor }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, "pass", "inspection-capture", id.ToString());
        return changed;
    });

    private sealed class CaptureRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public string TaskName { get; init; } = "";
        public string StoreCode { get; init; } = "";
        public string StoreName { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public string CameraCode { get; init; } = "";
        public DateTime DayLocal { get; init; }
        public DateTime DueUtc { get; init; }
        public long? SnapshotId { get; init; }
        public DateTime? PicturedUtc { get; init; }
        public string Status { get; init; } = "";
        public string? ReviewedBy { get; init; }
        public DateTime? ReviewedUtc { get; init; }
        public string TimeZone { get; init; } = "";

        public InspectionCapture ToCapture() => new(Id, TaskId, TaskName, StoreCode, StoreName, RegionCode, CameraCode,
            DateOnly.FromDateTime(DayLocal), Utc(DueUtc), SnapshotId, PicturedUtc is { } p ? Utc(p) : null, Status, ReviewedBy,
            ReviewedUtc is { } r ? Utc(r) : null, TimeZone);

        private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
