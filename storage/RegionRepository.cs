using Dapper;
using Npgsql;
using SmartStore.Models;

namespace SmartStore.Storage;

public sealed class RegionRepository(SmartStoreDatabase database)
{
    public async Task<IReadOnlyList<Region>> List(AccessScope scope)
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<Region>(
            "SELECT code, name, name_en AS NameEn FROM regions ORDER BY code");
        return rows.Where(r => scope.SeesWholeChain || scope.AllowsRegion(r.Code) || scope.Role == Role.StoreManager).ToList();
    }

    public async Task<Region?> Find(string code)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<Region>(
            "SELECT code, name, name_en AS NameEn FROM regions WHERE code = @code", new { code });
    }

    public Task Upsert(Region region, string actor) => database.InTransaction(async (c, t) =>
    {
        await c.ExecuteAsync("""
            INSERT INTO regions (code, name, name_en) VALUES (@Code, @Name, @NameEn)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, updated_at = now()
            """, region, t);
        await AuditTrail.Record(c, t, actor, "upsert", "region", region.Code, region);
        return true;
    });

    public Task<bool> Delete(string code, string actor) => MasterDataRemoval.ByCode(database, "regions", "Region", code, actor);
}
