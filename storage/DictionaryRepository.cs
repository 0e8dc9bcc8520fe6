using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>The data dictionary: vocabularies such as store tags and SKU categories.</summary>
public sealed class DictionaryRepository(SmartStoreDatabase database)
{
    public const string StoreTag = "store_tag";
    public const string SkuCategory = "sku_category";

    public async Task<IReadOnlyList<DictionaryEntry>> List(string? kind)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<DictionaryEntry>("""
            SELECT kind, code, label, label_en AS LabelEn, sort_order AS SortOrder FROM dictionary_entries
            WHERE @kind::text IS NULL OR kind = @kind ORDER BY kind, sort_order, code
            """, new { kind })).ToList();
    }

    public async Task<bool> Contains(string kind, string code)
    {
        await using var connection = await database.Open();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM dictionary_entries WHERE kind = @kind AND code = @code)", new { kind, code });
    }

    public Task Upsert(DictionaryEntry entry, string actor) => database.InTransaction(async (c, t) =>
    {
        await c.ExecuteAsync("""
            INSERT INTO dictionary_entries (kind, code, label, label_en, sort_order) VALUES (@Kind, @Code, @Label, @LabelEn, @SortOrder)
            ON CONFLICT (kind, code) DO UPDATE SET label = excluded.label, label_en = excluded.label_en, sort_order = excluded.sort_order
            """, entry, t);
        await AuditTrail.Record(c, t, actor, "upsert", "dictionary", $"{entry.Kind}/{entry.Code}", entry);
        return true;
    });
}
