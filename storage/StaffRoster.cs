using Dapper;

namespace SmartStore.Storage;

/// <summary>Staff enrolled per store with a photo, so their door crossings are not counted as customers.</summary>
public sealed class StaffRoster(SmartStoreDatabase database)
{
    public sealed record StaffMember(long Id, string StoreCode, string Name, DateTime CreatedAt);

    public async Task<long> Enrol(string storeCode, string name, byte[] photo, float[] appearance, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            var id = await c.ExecuteScalarAsync<long>(
                "INSERT INTO store_staff (store_code, name, photo, appearance) VALUES (@storeCode, @name, @photo, @appearance) RETURNING id",
                new { storeCode, name, photo, appearance }, t);
            await AuditTrail.Record(c, t, actor, "enrol", "staff", id.ToString(), new { storeCode, name });
            return id;
        });

    public async Task<bool> Remove(string storeCode, long id, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            var affected = await c.ExecuteAsync("DELETE FROM store_staff WHERE id = @id AND store_code = @storeCode", new { id, storeCode }, t);
            if (affected > 0) await AuditTrail.Record(c, t, actor, "remove", "staff", id.ToString(), new { storeCode });
            return affected > 0;
        });

    public async Task<IReadOnlyList<StaffMember>> List(string storeCode)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<StaffMember>(
            "SELECT id, store_code AS StoreCode, name, created_at AS CreatedAt FROM store_staff WHERE store_code = @storeCode ORDER BY name",
            new { storeCode })).ToList();
    }

    public async Task<IReadOnlyList<float[]>> Appearances(string storeCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<AppearanceRow>(new CommandDefinition(
            "SELECT appearance FROM store_staff WHERE store_code = @storeCode", new { storeCode }, cancellationToken: cancellationToken));
        return rows.Select(r => r.Appearance).ToList();
    }

    private sealed class AppearanceRow
    {
        public float[] Appearance { get; init; } = [];
    }
}
