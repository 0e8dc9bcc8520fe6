using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>To-dos (待办) raised for stores — from an inspection picture, or on their own — and their completion by the store.</summary>
public sealed class StoreTodos(SmartStoreDatabase database)
{
    private const string Select = """
        SELECT d.id AS Id, d.store_code AS StoreCode, s.name AS StoreName, d.capture_id AS CaptureId, c.snapshot_id AS SnapshotId,
               k.name AS TaskName, d.text AS Text, d.raised_by AS RaisedBy, d.raised_utc AS RaisedUtc, d.done_utc AS DoneUtc,
               d.done_by AS DoneBy, d.done_note AS DoneNote, s.time_zone AS TimeZone, d.done_photo IS NOT NULL AS HasProof,
               d.due_utc AS DueUtc, d.accepted_utc AS AcceptedUtc, d.accepted_by AS AcceptedBy,
               (SELECT count(*)::int FROM store_todo_rejections r WHERE r.todo_id = d.id) AS Rejections,
               (SELECT r.reason FROM store_todo_rejections r WHERE r.todo_id = d.id ORDER BY r.id DESC LIMIT 1) AS LastRejection,
               d.till_day AS TillDay, d.till_subject AS TillSubject
        FROM store_todos d JOIN stores s ON s.code = d.store_code
        LEFT JOIN inspection_captures c ON c.id = d.capture_id LEFT JOIN inspection_tasks k ON k.id = c.task_id
        """;

    /// <summary>
    /// Raises a to-do; from a picture, that picture becomes "todo" in the same transaction. Null when the picture is not
    /// (or no longer) waiting for a look, so two reviewers do not raise two to-dos from one picture.
    /// </summary>
    /// <param name="dueUtc">the deadline (the end of a store-local day); null: none.</param>
    /// <param name="till">the 收银追溯 finding the store is asked to explain, if that is what it is about.</param>
    public Task<long?> Raise(string storeCode, long? captureId, string text, string actor, DateTime? dueUtc, TillLead? till = null) => database.InTransaction(async (c, t) =>
    {
        if (captureId is { } capture && await c.ExecuteAsync("""
                UPDATE inspection_captures SET status = 'todo', reviewed_by = @actor, reviewed_utc = now()
                WHERE id = @capture AND store_code = @storeCode AND status = 'captured'
                """, new { capture, storeCode, actor }, t) == 0)
            return (long?)null;
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO store_todos (store_code, capture_id, text, raised_by, due_utc, first_due_utc, till_day, till_subject)
            VALUES (@storeCode, @captureId, @text, @actor, @dueUtc, @dueUtc, @tillDay, @tillSubject)
            RETURNING id
            """, new { storeCode, captureId, text, actor, dueUtc, tillDay = till?.Day.ToDateTime(TimeOnly.MinValue), tillSubject = till?.Subject }, t);
        await AuditTrail.Record(c, t, actor, "raise", "store-todo", id.ToString(), new { storeCode, captureId, text, dueUtc, till });
        return id;
    });

    /// <summary>
    /// Marks an open to-do done with the store's note and, if taken, its photo, with the event (整改完成待验收) for the
    /// endpoints that want it in the same statement. False when it was done already.
    /// </summary>
    public Task<bool> Done(long id, string note, string actor, byte[]? photo = null) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteScalarAsync<int>($"""
            WITH changed AS (
                UPDATE store_todos SET done_utc = now(), done_by = @actor, done_note = @note, done_photo = @photo WHERE id = @id AND done_utc IS NULL
                RETURNING id, store_code, text, done_note, done_utc),
            event AS (
                INSERT INTO alert_events (kind, store_code, region_code, detail, text, note, occurred_utc)
                SELECT @kind, s.code, s.region_code, x.id::text, x.text, x.done_note, x.done_utc FROM changed x JOIN stores s ON s.code = x.store_code
                RETURNING id, kind, region_code, store_code),
            fanned AS ({AlertOutbox.FanOut})
            SELECT count(*)::int FROM changed
            """, new { id, note, actor, photo, kind = AlertKinds.TodoDone }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, "done", "store-todo", id.ToString(), new { note, photo = photo is not null });
        return changed;
    });

    /// <summary>
    /// Adds or replaces the photo of a done to-do (an integration that closes it, then sends the photo). False when it is
    /// not done, or already accepted: what the reviewer accepted stays what was accepted.
    /// </summary>
    public Task<bool> AttachProof(long id, byte[] photo, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("UPDATE store_todos SET done_photo = @photo WHERE id = @id AND done_utc IS NOT NULL AND accepted_utc IS NULL", new { id, photo }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, "proof", "store-todo", id.ToString(), new { bytes = photo.Length });
        return changed;
    });

    public async Task<byte[]?> Proof(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT done_photo FROM store_todos WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<StoreTodo?> Find(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoreTodo>(new CommandDefinition(
            $"{Select} WHERE d.id = @id", new { id }, cancellationToken: cancellationToken)) is { } todo ? Utc(todo) : null;
    }

    /// <summary>
    /// The store's to-dos asking about 收银追溯 findings of <paramref name="day"/>, by finding: the latest one each, so the
    /// till page shows what the store was asked and what it answered.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StoreTodo>> OfTillDay(string storeCode, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<StoreTodo>(new CommandDefinition(
            $"{Select} WHERE d.store_code = @storeCode AND d.till_day = @day ORDER BY d.id",
            new { storeCode, day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return rows.Select(Utc).GroupBy(t => t.TillSubject!).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>
    /// To-dos in the viewer's scope, in the order they want work: open ones by deadline, then those awaiting review
    /// (longest waiting first), then those accepted in the last 7 days (newest first). <paramref name="state"/> (one of
    /// <see cref="TodoStates"/>) keeps only open, overdue, awaiting review or accepted ones (accepted: the last 30 days).
    /// </summary>
    public async Task<IReadOnlyList<StoreTodo>> Recent(StoreCoverage coverage, string? state, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<StoreTodo>(new CommandDefinition($"""
            {Select}
            WHERE {StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
              AND CASE @state::text
                    WHEN 'open' THEN d.done_utc IS NULL
                    WHEN 'overdue' THEN d.done_utc IS NULL AND d.due_utc < now()
                    WHEN 'review' THEN d.done_utc IS NOT NULL AND d.accepted_utc IS NULL
                    WHEN 'accepted' THEN d.accepted_utc > now() - interval '30 days'
                    ELSE d.accepted_utc IS NULL OR d.accepted_utc > now() - interval '7 days' END
            ORDER BY CASE WHEN d.done_utc IS NULL THEN 0 WHEN d.accepted_utc IS NULL THEN 1 ELSE 2 END,
                     CASE WHEN d.done_utc IS NULL THEN coalesce(d.due_utc, 'infinity') END, CASE WHEN d.done_utc IS NULL THEN d.raised_utc END,
                     CASE WHEN d.accepted_utc IS NULL THEN d.done_utc END, d.accepted_utc DESC
            LIMIT @limit
            """, StoreScope.Parameters(coverage.Scope, new { store = coverage.StoreCode, region = coverage.RegionCode, state, limit }),
            cancellationToken: cancellationToken));
        return rows.Select(Utc).ToList();
    }

    /// <summary>How many to-dos in the coverage wait: on the store (open, of them overdue) and on the reviewer (done, not yet accepted).</summary>
    public async Task<TodoCounts> Counts(StoreCoverage coverage, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleAsync<TodoCounts>(new CommandDefinition($"""
            SELECT (count(*) FILTER (WHERE d.done_utc IS NULL))::int AS Open,
                   (count(*) FILTER (WHERE d.done_utc IS NULL AND d.due_utc < now()))::int AS Overdue,
                   (count(*) FILTER (WHERE d.done_utc IS NOT NULL))::int AS AwaitingReview
            FROM store_todos d JOIN stores s ON s.code = d.store_code
            WHERE d.accepted_utc IS NULL AND {StoreScope.Visible}
              AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
            """, StoreScope.Parameters(coverage.Scope, new { store = coverage.StoreCode, region = coverage.RegionCode }),
            cancellationToken: cancellationToken));
    }

    /// <summary>验收: the reviewer accepts a done to-do. False when it is not awaiting review (open, or accepted already).</summary>
    public Task<bool> Accept(long id, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("""
            UPDATE store_todos SET accepted_utc = now(), accepted_by = @actor WHERE id = @id AND done_utc IS NOT NULL AND accepted_utc IS NULL
            """, new { id, actor }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, "accept", "store-todo", id.ToString(), new { });
        return changed;
    });

    /// <summary>
    /// 驳回: the reviewer sends a done to-do back with a reason and a deadline; it is open again, and the round sent back
    /// (note, photo) is kept. One statement, so two reviewers sending it back at once keep one round, not two.
    /// False when it is not awaiting review.
    /// </summary>
    public Task<bool> Reject(long id, string reason, DateTime? dueUtc, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("""
            WITH round AS (
                SELECT id, done_utc, done_by, done_note, done_photo, due_utc FROM store_todos
                WHERE id = @id AND done_utc IS NOT NULL AND accepted_utc IS NULL FOR UPDATE),
            reopened AS (
                UPDATE store_todos d SET done_utc = NULL, done_by = NULL, done_note = NULL, done_photo = NULL, due_utc = @dueUtc, overdue_told = false
                FROM round WHERE d.id = round.id RETURNING d.id)
            INSERT INTO store_todo_rejections (todo_id, done_utc, done_by, done_note, done_photo, due_utc, rejected_by, reason)
            SELECT round.id, round.done_utc, round.done_by, round.done_note, round.done_photo, round.due_utc, @actor, @reason
            FROM round JOIN reopened USING (id)
            """, new { id, reason, dueUtc, actor }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, "reject", "store-todo", id.ToString(), new { reason, dueUtc });
        return changed;
    });

    /// <summary>The rounds sent back, first first.</summary>
    public async Task<IReadOnlyList<TodoRejection>> Rejections(IReadOnlyCollection<long> todoIds, CancellationToken cancellationToken = default)
    {
        if (todoIds.Count == 0) return [];
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<TodoRejection>(new CommandDefinition("""
            SELECT id AS Id, todo_id AS TodoId, done_utc AS DoneUtc, done_by AS DoneBy, done_note AS DoneNote, done_photo IS NOT NULL AS HasProof,
                   rejected_utc AS RejectedUtc, rejected_by AS RejectedBy, reason AS Reason, due_utc AS DueUtc
            FROM store_todo_rejections WHERE todo_id = ANY(@ids) ORDER BY todo_id, id
            """, new { ids = todoIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(r => r with
        {
            DoneUtc = DateTime.SpecifyKind(r.DoneUtc, DateTimeKind.Utc),
            RejectedUtc = DateTime.SpecifyKind(r.RejectedUtc, DateTimeKind.Utc),
            DueUtc = r.DueUtc is { } due ? DateTime.SpecifyKind(due, DateTimeKind.Utc) : null,
        }).ToList();
    }

    /// <summary>The photo of a round sent back.</summary>
    public async Task<byte[]?> RejectedProof(long todoId, long rejectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT done_photo FROM store_todo_rejections WHERE id = @rejectionId AND todo_id = @todoId", new { todoId, rejectionId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// 整改统计 of the to-dos raised in [from, to): per store, per region (StoreCode null) and for all (both null). On
    /// time: the accepted round was done by the deadline first given — a to-do sent back and put right by a later one was
    /// late (a to-do without a deadline is always on time).
    /// </summary>
    public async Task<IReadOnlyList<TodoTally>> Tally(StoreCoverage coverage, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<TodoTally>(new CommandDefinition($"""
            SELECT s.code AS StoreCode, min(s.name) AS StoreName, s.region_code AS RegionCode, count(*)::int AS Raised,
                   count(*) FILTER (WHERE d.accepted_utc IS NOT NULL)::int AS Accepted,
                   count(*) FILTER (WHERE d.accepted_utc IS NOT NULL
                       AND (coalesce(d.first_due_utc, d.due_utc) IS NULL OR d.done_utc <= coalesce(d.first_due_utc, d.due_utc)))::int AS AcceptedOnTime,
                   count(*) FILTER (WHERE d.done_utc IS NULL)::int AS Open,
                   count(*) FILTER (WHERE d.done_utc IS NULL AND d.due_utc < now())::int AS Overdue,
                   count(*) FILTER (WHERE d.done_utc IS NOT NULL AND d.accepted_utc IS NULL)::int AS AwaitingReview,
                   coalesce(sum(r.rounds), 0)::int AS Rejections,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.accepted_utc - d.raised_utc) / 3600)
                       FILTER (WHERE d.accepted_utc IS NOT NULL) AS MedianHoursToAccept
            FROM store_todos d JOIN stores s ON s.code = d.store_code
            LEFT JOIN (SELECT todo_id, count(*) AS rounds FROM store_todo_rejections GROUP BY todo_id) r ON r.todo_id = d.id
            WHERE {StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
              AND d.raised_utc >= @fromUtc AND d.raised_utc < @toUtc
            GROUP BY GROUPING SETS ((s.region_code, s.code), (s.region_code), ())
            ORDER BY s.region_code NULLS LAST, s.code NULLS FIRST
            """, StoreScope.Parameters(coverage.Scope, new { store = coverage.StoreCode, region = coverage.RegionCode, fromUtc, toUtc }),
            cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// 超期: open to-dos whose deadline has passed and was not yet told are marked told, each with a webhook event, in one
    /// statement (any number of web hosts may run this; each deadline is told once). Answers the stores concerned.
    /// </summary>
    public async Task<IReadOnlyList<string>> TellOverdue(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition($"""
            WITH changed AS (
                UPDATE store_todos d SET overdue_told = true
                WHERE d.done_utc IS NULL AND d.due_utc < now() AND NOT d.overdue_told
                RETURNING d.id, d.store_code, d.text, d.due_utc),
            event AS (
                INSERT INTO alert_events (kind, store_code, region_code, detail, text, occurred_utc)
                SELECT @kind, s.code, s.region_code, x.id::text, x.text, x.due_utc FROM changed x JOIN stores s ON s.code = x.store_code
                ORDER BY x.due_utc
                RETURNING id, kind, region_code, store_code),
            fanned AS ({AlertOutbox.FanOut})
            SELECT DISTINCT store_code FROM changed
            """, new { kind = AlertKinds.TodoOverdue }, cancellationToken: cancellationToken))).ToList();
    }

    private static StoreTodo Utc(StoreTodo t) => t with
    {
        RaisedUtc = DateTime.SpecifyKind(t.RaisedUtc, DateTimeKind.Utc),
        DoneUtc = t.DoneUtc is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null,
        DueUtc = t.DueUtc is { } due ? DateTime.SpecifyKind(due, DateTimeKind.Utc) : null,
        AcceptedUtc = t.AcceptedUtc is { } a ? DateTime.SpecifyKind(a, DateTimeKind.Utc) : null,
    };
}
