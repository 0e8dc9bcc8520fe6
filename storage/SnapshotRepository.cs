using Dapper;

namespace SmartStore.Storage;

/// <summary>The snapshot inbox and its rejection log.</summary>
public sealed class SnapshotRepository(SmartStoreDatabase database)
{
    /// <summary>How many days pictures are kept unless <c>Ingest:RetentionDays</c> says otherwise (the silo deletes, the web plans by it).</summary>
    public const int DefaultRetentionDays = 30;

    public sealed record NewSnapshot(string CameraCode, string Sha256, string Path, int Bytes, int Width, int Height,
        string FileName, DateTime? CapturedAtUtc, string Source);

    public sealed record Snapshot(long Id, string CameraCode, string Sha256, string Path, int Bytes, int Width, int Height,
        string FileName, DateTime? CapturedAt, DateTime ReceivedAt, string Source, string Status);

    /// <summary>Inserts the row, or finds the one already there for the same camera and content (a re-sent file).</summary>
    public async Task<(long Id, bool Duplicate)> Record(NewSnapshot snapshot)
    {
        await using var connection = await database.Open();
        var id = await connection.QuerySingleOrDefaultAsync<long?>("""
            INSERT INTO snapshots (camera_code, sha256, path, bytes, width, height, file_name, captured_at, source)
            VALUES (@CameraCode, @Sha256, @Path, @Bytes, @Width, @Height, @FileName, @CapturedAtUtc, @Source)
            ON CONFLICT (camera_code, sha256) DO NOTHING
            RETURNING id
            """, snapshot);
        if (id is not null) return (id.Value, false);
        var existing = await connection.QuerySingleAsync<long>(
            "SELECT id FROM snapshots WHERE camera_code = @CameraCode AND sha256 = @Sha256", snapshot);
        return (existing, true);
    }

    public async Task RecordRejection(string? cameraCode, string remoteAddress, string source, string reason, string detail)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync("""
            INSERT INTO ingest_rejections (camera_code, remote_address, source, reason, detail)
            VALUES (@cameraCode, @remoteAddress, @source, @reason, @detail)
            """, new { cameraCode, remoteAddress, source, reason, detail = detail.Length > 500 ? detail[..500] : detail });
    }

    public async Task<Snapshot?> Find(long id)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<Snapshot>($"SELECT {Columns} FROM snapshots WHERE id = @id", new { id });
    }

    private const string Columns = """
        id, camera_code AS CameraCode, sha256, path, bytes, width, height, file_name AS FileName,
        captured_at AS CapturedAt, received_at AS ReceivedAt, source, status
        """;

    /// <summary>What analysis found in the snapshot (JSON: boxes, scores, track ids), or null while it waits.</summary>
    public async Task<string?> Analysis(long id)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT analysis::text FROM snapshots WHERE id = @id", new { id });
    }

    /// <summary>The camera's newest analysed snapshot with what analysis found in it (JSON), or null when none is analysed yet.</summary>
    public async Task<(Snapshot Snapshot, string Analysis)?> LatestAnalysed(string cameraCode)
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<Snapshot, string, (Snapshot, string)>($"""
            SELECT {Columns}, analysis::text AS Analysis FROM snapshots
            WHERE camera_code = @cameraCode AND status = 'analysed' AND analysis IS NOT NULL
            ORDER BY received_at DESC, id DESC LIMIT 1
            """, (snapshot, analysis) => (snapshot, analysis), new { cameraCode }, splitOn: "Analysis");
        return rows.Select(r => ((Snapshot, string)?)r).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Snapshot>> Latest(string cameraCode, int limit)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Snapshot>(
            $"SELECT {Columns} FROM snapshots WHERE camera_code = @cameraCode ORDER BY id DESC LIMIT @limit",
            new { cameraCode, limit })).ToList();
    }

    /// <summary>A snapshot as looked back on: with how many people analysis found in it (people cameras), when it has.</summary>
    public sealed record Frame(Snapshot Snapshot, int? People);

    /// <summary>
    /// The camera's snapshots received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest first: a page of at
    /// most <paramref name="limit"/> after <paramref name="skip"/>, and how many there are in all.
    /// </summary>
    public async Task<(IReadOnlyList<Frame> Frames, int Total)> Between(string cameraCode, DateTime fromUtc, DateTime toUtc, int skip, int limit)
    {
        await using var connection = await database.Open();
        var args = new { cameraCode, fromUtc, toUtc, skip, limit };
        const string Window = "camera_code = @cameraCode AND received_at >= @fromUtc AND received_at < @toUtc";
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM snapshots WHERE {Window}", args);
        var frames = await connection.QueryAsync<Snapshot, int?, Frame>($"""
            SELECT {Columns}, CASE WHEN jsonb_typeof(analysis->'count') = 'number' THEN (analysis->>'count')::int END AS People
            FROM snapshots WHERE {Window} ORDER BY received_at, id OFFSET @skip LIMIT @limit
            """, (snapshot, people) => new Frame(snapshot, people), args, splitOn: "People");
        return (frames.ToList(), total);
    }

    /// <summary>The camera's snapshots just before and just after this one, by arrival.</summary>
    public async Task<(long? Previous, long? Next)> Neighbours(Snapshot snapshot)
    {
        await using var connection = await database.Open();
        var args = new { snapshot.CameraCode, snapshot.ReceivedAt, snapshot.Id };
        var previous = await connection.ExecuteScalarAsync<long?>("""
            SELECT id FROM snapshots WHERE camera_code = @CameraCode AND (received_at, id) < (@ReceivedAt, @Id)
            ORDER BY received_at DESC, id DESC LIMIT 1
            """, args);
        var next = await connection.ExecuteScalarAsync<long?>("""
            SELECT id FROM snapshots WHERE camera_code = @CameraCode AND (received_at, id) > (@ReceivedAt, @Id)
            ORDER BY received_at, id LIMIT 1
            """, args);
        return (previous, next);
    }

    public sealed record Expired(long Id, string Path);

    /// <summary>
    /// An inspection picture nobody has looked at yet, or one a to-do not yet accepted was raised from (open, or done and
    /// waiting for the reviewer, who compares with it), outlives retention; so does a till picture that shows a finding of
    /// 收银追溯, until its evidence's day (<see cref="TillEvidence"/>).
    /// </summary>
    private const string KeptPastRetention = """
        EXISTS (SELECT 1 FROM inspection_captures c WHERE c.snapshot_id = s.id AND (c.status = 'captured'
            OR EXISTS (SELECT 1 FROM store_todos d WHERE d.capture_id = c.id AND d.accepted_utc IS NULL)))
        OR EXISTS (SELECT 1 FROM till_evidence e WHERE e.snapshot_id = s.id AND e.keep_until > now())
        """;

    /// <summary>Up to <paramref name="limit"/> snapshots received before <paramref name="cutoffUtc"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Expired>> ExpiredBefore(DateTime cutoffUtc, int limit)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Expired>(
            $"SELECT id, path FROM snapshots s WHERE received_at < @cutoffUtc AND NOT ({KeptPastRetention}) ORDER BY id LIMIT @limit",
            new { cutoffUtc, limit })).ToList();
    }

    public async Task<int> Delete(IReadOnlyList<long> ids)
    {
        await using var connection = await database.Open();
        return await connection.ExecuteAsync("DELETE FROM snapshots WHERE id = ANY(@ids)", new { ids = ids.ToArray() });
    }
}
