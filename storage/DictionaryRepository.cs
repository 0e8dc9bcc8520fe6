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
        // An entry saved as it is (the seed at every start, a page saved unchanged) is not written or logged again.
        var written = await c.ExecuteAsync("""
            INSERT INTO dictionary_entries (kind, code, label, label_en, sort_order) VALUES (@Kind, @Code, @Label, @LabelEn, @SortOrder)
            ON CONFLICT (kind, code) DO UPDATE SET label = excluded.label, label_en = excluded.label_en, sort_order = excluded.sort_order
            WHERE (dictionary_entries.label, dictionary_entries.label_en, dictionary_entries.sort_order)
                IS DISTINCT FROM (excluded.label, excluded.label_en, excluded.sort_order)
            """, entry, t);
        if (written > 0) await AuditTrail.Record(c, t, actor, "upsert", "dictionary", $"{entry.Kind}/{entry.Code}", entry);
        return true;
    });
}
