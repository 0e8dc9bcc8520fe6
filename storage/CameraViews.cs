using Dapper;

namespace SmartStore.Storage;

/// <summary>Each fixed camera's reference view for the health check of its snapshots (a signature the vision library reads).</summary>
public sealed class CameraViews(SmartStoreDatabase database)
{
    public sealed record Reference(long SnapshotId, byte[] Signature, DateTime TakenAt);

    public async Task<Reference?> Find(string cameraCode)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<Reference>(
            "SELECT snapshot_id AS SnapshotId, signature, taken_at AS TakenAt FROM camera_views WHERE camera_code = @cameraCode", new { cameraCode });
    }

    /// <summary>The camera's view when none is kept yet (its first snapshot); false when one was kept meanwhile, or the camera is gone.</summary>
    public async Task<bool> TakeFirst(string cameraCode, long snapshotId, byte[] signature)
    {
        await using var connection = await database.Open();
        return await connection.ExecuteAsync("""
            INSERT INTO camera_views (camera_code, snapshot_id, signature)
            SELECT @cameraCode, @snapshotId, @signature WHERE EXISTS (SELECT 1 FROM cameras WHERE code = @cameraCode)
            ON CONFLICT (camera_code) DO NOTHING
            """, new { cameraCode, snapshotId, signature }) > 0;
    }

    /// <summary>
    /// Forgets the reference view (the camera was re-aimed on purpose): its next snapshot becomes the new one. The scenes its
    /// in-store counting learned go with it (another view's perspective), so a worker restarted now does not resume them.
    /// </summary>
    public async Task<bool> Forget(string cameraCode, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            var affected = await c.ExecuteAsync("DELETE FROM camera_views WHERE camera_code = @cameraCode", new { cameraCode }, t);
            await c.ExecuteAsync(CameraScenes.ForgetAll, new { cameraCode }, t);
            await AuditTrail.Record(c, t, actor, "view-reference-reset", "camera", cameraCode, new { reset = true });
            return affected > 0;
        });
}
