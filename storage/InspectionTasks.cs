using System.Text.Json;
using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>The chain's 定时抓拍 tasks, and the pictures the schedule waits for and takes from the cameras' uploads.</summary>
public sealed class InspectionTasks(SmartStoreDatabase database)
{
    private const string Columns = """
        id AS Id, name AS Name, at_local AS AtLocal, weekdays AS Weekdays, camera_kind AS CameraKind, region_code AS RegionCode,
        store_tag AS StoreTag, active AS Active, created_by AS CreatedBy, created_at AS CreatedUtc, preset AS Preset
        """;

    /// <summary>Tasks, newest first: head office sees every one, a manager those that cover a store of theirs.</summary>
    public async Task<IReadOnlyList<InspectionTask>> List(AccessScope scope, bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<TaskRow>(new CommandDefinition($"""
            SELECT {Columns} FROM inspection_tasks k
            WHERE k.removed_utc IS NULL AND (NOT @activeOnly OR k.active)
              AND (@wholeChain OR EXISTS (SELECT 1 FROM stores s WHERE {StoreScope.Visible} AND {StoreReach.OfPlan}))
            ORDER BY k.id DESC
            """, StoreScope.Parameters(scope, new { activeOnly }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTask()).ToList();
    }

    public async Task<InspectionTask?> Find(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TaskRow>(new CommandDefinition(
            $"SELECT {Columns} FROM inspection_tasks WHERE id = @id AND removed_utc IS NULL", new { id }, cancellationToken: cancellationToken));
        return row?.ToTask();
    }

    public Task<long> Create(InspectionTask task, string actor) => database.InTransaction(async (c, t) =>
    {
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO inspection_tasks (name, at_local, weekdays, camera_kind, region_code, store_tag, preset, created_by)
            VALUES (@Name, @AtLocal, @Weekdays, @CameraKind, @RegionCode, @StoreTag, @Preset, @actor) RETURNING id
            """, new
        {
            task.Name, AtLocal = task.AtLocal.ToTimeSpan(), Weekdays = (short)task.Weekdays, CameraKind = task.CameraKind.ToCode(),
            task.RegionCode, task.StoreTag, Preset = (short?)task.Preset, actor,
        }, t);
        await AuditTrail.Record(c, t, actor, "create", "inspection-task", id.ToString(), task with { Id = id });
        return id;
    });

    /// <summary>Pauses or resumes a task; its pictures so far stay.</summary>
    public Task<bool> SetActive(long id, bool active, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("UPDATE inspection_tasks SET active = @active WHERE id = @id AND active <> @active AND removed_utc IS NULL",
            new { id, active }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, active ? "resume" : "pause", "inspection-task", id.ToString());
        return changed;
    });

    /// <summary>Changes what a task takes, from its next run on; the pictures it took stay as they were. False when there is no such task.</summary>
    public Task<bool> Update(InspectionTask task, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("""
            UPDATE inspection_tasks SET name = @Name, at_local = @AtLocal, weekdays = @Weekdays, camera_kind = @CameraKind,
                region_code = @RegionCode, store_tag = @StoreTag, preset = @Preset
            WHERE id = @Id AND removed_utc IS NULL
            """, new
        {
            task.Id, task.Name, AtLocal = task.AtLocal.ToTimeSpan(), Weekdays = (short)task.Weekdays, CameraKind = task.CameraKind.ToCode(),
            task.RegionCode, task.StoreTag, Preset = (short?)task.Preset,
        }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, "update", "inspection-task", task.Id.ToString(), task);
        return changed;
    });

    /// <summary>Removes tasks (no longer listed or run; their pictures and to-dos stay); returns those removed.</summary>
    public Task<IReadOnlyList<long>> Remove(IReadOnlyCollection<long> ids, string actor) => database.InTransaction(async (c, t) =>
    {
        var removed = (await c.QueryAsync<long>("""
            UPDATE inspection_tasks SET removed_utc = now(), active = false WHERE id = ANY(@ids) AND removed_utc IS NULL RETURNING id
            """, new { ids = ids.ToArray() }, t)).ToList();
        // Pictures still waiting for an upload are not taken any more (those taken, and their to-dos, stay).
        await c.ExecuteAsync("DELETE FROM inspection_captures WHERE task_id = ANY(@removed) AND status = 'waiting'", new { removed = removed.ToArray() }, t);
        foreach (var id in removed) await AuditTrail.Record(c, t, actor, "remove", "inspection-task", id.ToString());
        return (IReadOnlyList<long>)removed;
    });

    public async Task<IReadOnlyList<string>> TimeZones(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT time_zone FROM stores", cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IReadOnlyList<InspectionTarget>> Targets(InspectionTask task, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string StoreCode, string CameraCode, string TimeZone, string OpeningHours)>(new CommandDefinition($"""
            SELECT s.code, c.code, s.time_zone, {StoreHours.WithDates}
            FROM stores s JOIN cameras c ON c.store_code = s.code AND c.kind = @kind
            WHERE {StoreReach.OfParameters}
              AND (@preset::int IS NULL OR c.presets @> jsonb_build_array(jsonb_build_object('number', @preset::int)))
            ORDER BY s.code, c.code
            """, new { kind = task.CameraKind.ToCode(), region = task.RegionCode, tag = task.StoreTag, preset = task.Preset },
            cancellationToken: cancellationToken));
        return rows.Select(r => new InspectionTarget(r.StoreCode, r.CameraCode, r.TimeZone,
            StoreHours.Read(r.OpeningHours))).ToList();
    }

    public async Task<int> Schedule(IReadOnlyCollection<InspectionDue> due, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO inspection_captures (task_id, store_code, camera_code, day_local, due_utc)
            VALUES (@TaskId, @StoreCode, @CameraCode, @Day, @DueUtc)
            ON CONFLICT (task_id, camera_code, day_local) DO NOTHING
            """, due.Select(d => new { d.TaskId, d.StoreCode, d.CameraCode, Day = d.DayLocal.ToDateTime(TimeOnly.MinValue), d.DueUtc }),
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The first accepted upload at or after the due time (index snapshots_camera_time) within the window — at the task's
    /// preset, for a task that names one. A dome's preset is known once its upload is analysed (the file name, else the
    /// patrol schedule): an earlier upload still waiting for analysis holds the picture back until it is.
    /// </summary>
    public async Task<(IReadOnlyList<InspectionPicture> Taken, int Missed)> TakePictures(DateTime nowUtc, TimeSpan window, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var taken = await connection.QueryAsync<InspectionPicture>(new CommandDefinition("""
            UPDATE inspection_captures c SET snapshot_id = p.id, pictured_utc = p.received_at, status = 'captured'
            FROM inspection_captures w
            JOIN inspection_tasks k ON k.id = w.task_id
            CROSS JOIN LATERAL (SELECT id, received_at, k.preset IS NULL OR s.preset = k.preset AS at_preset FROM snapshots s
                WHERE s.camera_code = w.camera_code AND s.received_at >= w.due_utc AND s.received_at < w.due_utc + @window
                  AND (k.preset IS NULL OR s.preset = k.preset OR s.status IN ('pending', 'analysing'))
                ORDER BY s.received_at LIMIT 1) p
            WHERE c.id = w.id AND w.status = 'waiting' AND p.at_preset AND k.removed_utc IS NULL
            RETURNING c.store_code AS StoreCode, (SELECT region_code FROM stores WHERE code = c.store_code) AS RegionCode, c.snapshot_id AS SnapshotId
            """, new { window }, cancellationToken: cancellationToken));
        var missed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE inspection_captures SET status = 'missed' WHERE status = 'waiting' AND due_utc + @window <= @nowUtc",
            new { window, nowUtc }, cancellationToken: cancellationToken));
        return (taken.ToList(), missed);
    }

    private sealed class TaskRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public TimeSpan AtLocal { get; init; }
        public short Weekdays { get; init; }
        public string CameraKind { get; init; } = "";
        public string? RegionCode { get; init; }
        public string? StoreTag { get; init; }
        public bool Active { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
        public short? Preset { get; init; }

        public InspectionTask ToTask()
        {
            CameraKindNames.TryParse(CameraKind, out var kind);
            return new InspectionTask(Id, Name, TimeOnly.FromTimeSpan(AtLocal), (Weekdays)Weekdays, kind, RegionCode, StoreTag, Active,
                CreatedBy, DateTime.SpecifyKind(CreatedUtc, DateTimeKind.Utc), Preset);
        }
    }
}
