using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>To-dos (待办) raised for stores — from an inspection picture, or on their own — and their completion by the store.</summary>
public sealed class StoreTodos(SmartStoreDatabase database)
{
    private const string Select = """
        SELECT d.id AS Id, d.store_code AS StoreCode, s.name AS StoreName, d.capture_id AS CaptureId, c.snapshot_id AS SnapshotId,
               k.name AS TaskName, d.text AS Text, d.raised_by AS RaisedBy, d.raised_utc AS RaisedUtc, d.done_utc AS DoneUtc,
               d.done_by AS DoneBy, d.done_note AS DoneNote, s.time_zone AS TimeZone, d.done_photo IS NOT NULL AS HasProof
        FROM store_todos d JOIN stores s ON s.code = d.store_code
        LEFT JOIN inspection_captures c ON c.id = d.capture_id LEFT JOIN inspection_tasks k ON k.id = c.task_id
        """;

    /// <summary>
    /// Raises a to-do; from a picture, that picture becomes "todo" in the same transaction. Null when the picture is not
    /// (or no longer) waiting for a look, so two reviewers do not raise two to-dos from one picture.
    /// </summary>
    public Task<long?> Raise(string storeCode, long? captureId, string text, string actor) => database.InTransaction(async (c, t) =>
    {
        if (captureId is { } capture && await c.ExecuteAsync("""
                UPDATE inspection_captures SET status = 'todo', reviewed_by = @actor, reviewed_utc = now()
                WHERE id = @capture AND store_code = @storeCode AND status = 'captured'
                """, new { capture, storeCode, actor }, t) == 0)
            return (long?)null;
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO store_todos (store_code, capture_id, text, raised_by) VALUES (@storeCode, @captureId, @text, @actor) RETURNING id
            """, new { storeCode, captureId, text, actor }, t);
        await AuditTrail.Record(c, t, actor, "raise", "store-todo", id.ToString(), new { storeCode, captureId, text });
        return id;
    });

    /// <summary>Marks an open to-do done with the store's note and, if taken, its photo. False when it was done already.</summary>
    public Task<bool> Done(long id, string note, string actor, byte[]? photo = null) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("""
            UPDATE store_todos SET done_utc = now(), done_by = @actor, done_note = @note, done_photo = @photo WHERE id = @id AND done_utc IS NULL
            """, new { id, note, actor, photo }, t) > 0;
        if (changed) await AuditTrail.Record(c, t, actor, "done", "store-todo", id.ToString(), new { note, photo = photo is not null });
        return changed;
    });

    /// <summary>Adds or replaces the photo of a done to-do (an integration that closes it, then sends the photo). False when it is not done.</summary>
    public Task<bool> AttachProof(long id, byte[] photo, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("UPDATE store_todos SET done_photo = @photo WHERE id = @id AND done_utc IS NOT NULL", new { id, photo }, t) > 0;
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

    /// <summary>To-dos in the viewer's scope: every open one (oldest first), then those done in the last 7 days (newest first).</summary>
    public async Task<IReadOnlyList<StoreTodo>> Recent(StoreCoverage coverage, bool openOnly, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<StoreTodo>(new CommandDefinition($"""
            {Select}
            WHERE {StoreScope.Visible} AND (@store::text IS NULL OR s.code = @store) AND (@region::text IS NULL OR s.region_code = @region)
              AND (d.done_utc IS NULL OR NOT @openOnly AND d.done_utc > now() - interval '7 days')
            ORDER BY d.done_utc IS NOT NULL, CASE WHEN d.done_utc IS NULL THEN d.raised_utc END, d.done_utc DESC LIMIT @limit
            """, StoreScope.Parameters(coverage.Scope, new { store = coverage.StoreCode, region = coverage.RegionCode, openOnly, limit }),
            cancellationToken: cancellationToken));
        return rows.Select(Utc).ToList();
    }

    private static StoreTodo Utc(StoreTodo t) => t with
    {
        RaisedUtc = DateTime.SpecifyKind(t.RaisedUtc, DateTimeKind.Utc),
        DoneUtc = t.DoneUtc is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null,
    };
}
