using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// The pending snapshots as a work queue for analysis workers. A worker claims a batch (status 'analysing'),
/// and completes or fails each; a claim left by a worker that died goes back to 'pending' after a while, so
/// every acknowledged snapshot is analysed eventually — also the ones waiting when the silo stopped.
/// </summary>
public sealed class SnapshotAnalysisQueue(SmartStoreDatabase database)
{
    /// <param name="ClaimedAt">when this claim was made (one value per claim): a release only undoes its own claim.</param>
    public sealed record Claimed(long Id, string CameraCode, string Path, int Width, int Height, DateTime? CapturedAt, DateTime ReceivedAt,
        string Kind, string FileName, string? StoreCode, DateTime ClaimedAt);

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending snapshots of the given camera kinds, oldest first. Frames of one
    /// camera must be tracked in order, so one worker at a time works on a camera: a camera with snapshots still being
    /// analysed is left to the worker that has them, and a per-camera advisory lock keeps two workers that claim at the
    /// same instant apart. A camera's frames behind one that waits to be tried again wait with it: the tracker drops a
    /// frame older than the last it saw, so a retried frame analysed after them would count nothing.
    /// SKIP LOCKED lets several silos claim side by side otherwise. <paramref name="waitedLongerThan"/>: only snapshots
    /// received longer ago than that (by the database's clock, as every time in the queue).
    /// </summary>
    public async Task<IReadOnlyList<Claimed>> Claim(IReadOnlyCollection<CameraKind> kinds, int limit, CancellationToken cancellationToken,
        TimeSpan? waitedLongerThan = null)
    {
        await using var connection = await database.Open(cancellationToken);
        // One statement, so its implicit transaction holds the advisory locks until the claim is written.
        var rows = await connection.QueryAsync<Claimed>(new CommandDefinition("""
            WITH next AS (
                SELECT s.id FROM snapshots s JOIN cameras c ON c.code = s.camera_code
                WHERE s.status = 'pending' AND c.kind = ANY(@kinds) AND (s.retry_after IS NULL OR s.retry_after <= now())
                  AND (@waitedLongerThan::interval IS NULL OR s.received_at < now() - @waitedLongerThan::interval)
                  AND NOT EXISTS (SELECT 1 FROM snapshots busy WHERE busy.camera_code = s.camera_code AND busy.status = 'analysing')
                  AND NOT EXISTS (SELECT 1 FROM snapshots held WHERE held.camera_code = s.camera_code AND held.id < s.id
                                  AND held.status = 'pending' AND held.retry_after > now())
                  AND pg_try_advisory_xact_lock(hashtext('analysis:' || s.camera_code))
                ORDER BY s.id LIMIT @limit FOR UPDATE OF s SKIP LOCKED)
            UPDATE snapshots s SET status = 'analysing', claimed_at = now()
            FROM next, cameras c
            WHERE s.id = next.id AND c.code = s.camera_code
            RETURNING s.id, s.camera_code AS CameraCode, s.path, s.width, s.height, s.captured_at AS CapturedAt,
                      s.received_at AS ReceivedAt, c.kind, s.file_name AS FileName, c.store_code AS StoreCode, s.claimed_at AS ClaimedAt
            """, new { kinds = kinds.Select(k => k.ToCode()).ToArray(), limit, waitedLongerThan }, cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.Id).ToList();
    }

    private static readonly CameraKind[] PeopleKinds = [CameraKind.Entrance, CameraKind.Interior];
    private static readonly CameraKind[] ShelfKinds = [CameraKind.Shelf];

    /// <summary>The kinds of camera whose pictures are analysed (a till camera's are kept, not analysed).</summary>
    public static readonly IReadOnlyList<CameraKind> AnalysedKinds = [.. PeopleKinds, .. ShelfKinds];

    /// <summary>
    /// The next work in turn: people cameras' frames before shelf photos, which are claimed one at a time. Foot traffic is
    /// live — the board, occupancy, 疑似关门 — while a patrol's result may come minutes later; taken oldest first, a patrol of
    /// a chain's shelves (about a second a photo on two cores) held every door's counting up for minutes (the demo's 132
    /// photos every 10 minutes: doors' frames waited 17–69 s at the median, up to 134 s, in those minutes). A shelf photo
    /// that has waited <paramref name="shelfMayWait"/> comes with each batch of people frames, so neither starves the
    /// other — not people frames arriving without end, nor a backlog of patrols after a restart. Two claims a round: with no
    /// people frame waiting, the shelf photo claimed is the oldest, overdue or not.
    /// </summary>
    public async Task<IReadOnlyList<Claimed>> ClaimInTurn(int limit, TimeSpan shelfMayWait, CancellationToken cancellationToken)
    {
        var people = await Claim(PeopleKinds, limit, cancellationToken);
        var shelf = await Claim(ShelfKinds, 1, cancellationToken, people.Count > 0 ? shelfMayWait : null);
        return [.. shelf, .. people];
    }

    /// <summary>
    /// Gives claimed snapshots back unanalysed (they wait behind one of their camera's that failed for now). Only rows
    /// still under this claim: a frame the stale sweep released and another worker claimed again stays with that worker.
    /// </summary>
    public async Task Release(IReadOnlyCollection<Claimed> snapshots, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE snapshots SET status = 'pending', claimed_at = NULL WHERE id = ANY(@ids) AND status = 'analysing' AND claimed_at = ANY(@claims)",
            new { ids = snapshots.Select(s => s.Id).ToArray(), claims = snapshots.Select(s => s.ClaimedAt).Distinct().ToArray() }, cancellationToken: cancellationToken));
    }

    /// <summary>Puts claims older than <paramref name="olderThan"/> back to pending; returns how many.</summary>
    public async Task<int> ReleaseStale(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE snapshots SET status = 'pending', claimed_at = NULL WHERE status = 'analysing' AND claimed_at < now() - @olderThan",
            new { olderThan }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores what analysis found; for a shelf snapshot also the preset it showed.</summary>
    public async Task Complete(long id, string analysisJson, CancellationToken cancellationToken, int? preset = null)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE snapshots SET status = 'analysed', analysed_at = now(), analysis = CAST(@analysisJson AS jsonb), preset = @preset WHERE id = @id",
            new { id, analysisJson, preset }, cancellationToken: cancellationToken));
    }

    public async Task Fail(long id, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE snapshots SET status = 'failed', analysed_at = now(), analysis = jsonb_build_object('error', @reason) WHERE id = @id",
            new { id, reason }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// A failure that may pass (a timeout, a lost connection): the snapshot goes back to pending, to be claimed again
    /// after a pause that doubles with each attempt (30 s, 1 min, 2 min), and is marked failed for good on the
    /// <see cref="MaxAttempts"/>th. Returns whether it will be tried again.
    /// </summary>
    public async Task<bool> FailForNow(long id, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        var status = await connection.ExecuteScalarAsync<string>(new CommandDefinition("""
            UPDATE snapshots SET attempts = attempts + 1,
                status = CASE WHEN attempts + 1 < @max THEN 'pending' ELSE 'failed' END,
                claimed_at = NULL,
                retry_after = now() + make_interval(secs => @firstPause * power(2, attempts)),
                analysed_at = CASE WHEN attempts + 1 < @max THEN NULL ELSE now() END,
                analysis = jsonb_build_object('error', @reason, 'attempts', attempts + 1)
            WHERE id = @id
            RETURNING status
            """, new { id, reason, max = MaxAttempts, firstPause = FirstRetryPause.TotalSeconds }, cancellationToken: cancellationToken));
        return status == "pending";
    }

    /// <summary>
    /// Puts a claimed snapshot back to wait until <paramref name="after"/> from now without counting an attempt: it could
    /// not be analysed for a reason that is not its own (the SKU gallery it is read against is not available yet), so no
    /// number of such waits gives it up. Its camera's later frames wait with it, as behind a failure for now.
    /// </summary>
    public async Task Postpone(Claimed snapshot, TimeSpan after, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        // Only under this claim: a long first gallery build may outlast the stale sweep, and another worker's claim stays.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE snapshots SET status = 'pending', claimed_at = NULL,
                retry_after = now() + make_interval(secs => @seconds),
                analysis = jsonb_build_object('waiting', @reason, 'attempts', attempts)
            WHERE id = @id AND status = 'analysing' AND claimed_at = @claimedAt
            """, new { id = snapshot.Id, claimedAt = snapshot.ClaimedAt, seconds = Math.Max(1, after.TotalSeconds), reason },
            cancellationToken: cancellationToken));
    }

    public const int MaxAttempts = 4;
    public static readonly TimeSpan FirstRetryPause = TimeSpan.FromSeconds(30);

    public async Task<int> Waiting(CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM snapshots WHERE status IN ('pending', 'analysing')", cancellationToken: cancellationToken));
    }
}
