using Dapper;

namespace SmartStore.Storage;

/// <summary>Which model each camera kind runs; names are those of the vision library's ModelStore.</summary>
public sealed class RecognitionModels(SmartStoreDatabase database)
{
    public sealed record Assignment(string CameraKind, string ModelName, DateTime UpdatedAt);

    public Task<bool> Assign(string cameraKind, string modelName, string actor) => database.InTransaction(async (c, t) =>
    {
        var changed = await c.ExecuteAsync("""
            INSERT INTO recognition_models (camera_kind, model_name) VALUES (@cameraKind, @modelName)
            ON CONFLICT (camera_kind) DO UPDATE SET model_name = excluded.model_name, updated_at = now()
            """, new { cameraKind, modelName }, t) > 0;
        await AuditTrail.Record(c, t, actor, "assign", "recognition_model", cameraKind, new { modelName });
        return changed;
    });

    public async Task<IReadOnlyList<Assignment>> List()
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Assignment>(
            "SELECT camera_kind AS CameraKind, model_name AS ModelName, updated_at AS UpdatedAt FROM recognition_models ORDER BY camera_kind")).ToList();
    }
}
