using Dapper;

namespace SmartStore.Storage;

/// <summary>Which model each camera kind runs; names are those of the vision library's ModelStore.</summary>
public sealed class RecognitionModels(SmartStoreDatabase database)
{
    public sealed record Assignment(string CameraKind, string ModelName, DateTime UpdatedAt);

    public async Task<IReadOnlyList<Assignment>> List()
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Assignment>(
            "SELECT camera_kind AS CameraKind, model_name AS ModelName, updated_at AS UpdatedAt FROM recognition_models ORDER BY camera_kind")).ToList();
    }
}
