using Dapper;

namespace SmartStore.Storage;

/// <summary>The scene each in-store camera learned per frame width (JSON written by the analysis worker), newest kept.</summary>
public sealed class CameraScenes(SmartStoreDatabase database)
{
    public async Task<string?> Find(string cameraCode, int frameWidth)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT scene::text FROM camera_scenes WHERE camera_code = @cameraCode AND frame_width = @frameWidth", new { cameraCode, frameWidth });
    }

    /// <summary>Every scene a camera (<c>@cameraCode</c>) learned; also forgotten with its reference view (<see cref="CameraViews.Forget"/>).</summary>
    internal const string ForgetAll = "DELETE FROM camera_scenes WHERE camera_code = @cameraCode";

    /// <summary>Forgets every scene the camera learned (it was re-aimed or moved).</summary>
    public async Task Forget(string cameraCode)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync(ForgetAll, new { cameraCode });
    }

    /// <summary>Keeps the scene, replacing the one learned before; a camera deleted meanwhile keeps nothing.</summary>
    public async Task Keep(string cameraCode, int frameWidth, string sceneJson)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync("""
            INSERT INTO camera_scenes (camera_code, frame_width, scene)
            SELECT @cameraCode, @frameWidth, CAST(@sceneJson AS jsonb) WHERE EXISTS (SELECT 1 FROM cameras WHERE code = @cameraCode)
            ON CONFLICT (camera_code, frame_width) DO UPDATE SET scene = excluded.scene, learned_at = now()
            """, new { cameraCode, frameWidth, sceneJson });
    }
}
