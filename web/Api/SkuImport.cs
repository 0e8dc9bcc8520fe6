using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Bulk import of SKUs from CSV or Excel, for the API and the SKU page alike; all rows or none.</summary>
public sealed class SkuImport(SkuRepository skus, MasterDataValidation validation) : SheetImport<Sku>(Headers, "SKU")
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["编码"] = "code", ["商品编码"] = "code", ["名称"] = "name", ["商品名称"] = "name", ["品牌"] = "brand", ["品类"] = "category",
        ["竞品"] = "competitor", ["is_competitor"] = "competitor",
    };

    protected override async Task<Sku?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var given = row.Get("competitor")?.ToLowerInvariant();
        var competitor = BulkImport.YesOrNo(given);
        if (competitor is null)
            errors.Add(index, $"competitor '{given}' must be true/false, 1/0 or 是/否.", $"竞品“{given}”须为 是/否、true/false 或 1/0。");
        var input = new SkuInput(row.Get("code"), row.Get("name"), row.Get("brand"), row.Get("category"), competitor == true);
        var (sku, rowErrors) = await validation.Sku(input, null);
        errors.AddAll(index, rowErrors);
        return sku;
    }

    protected override string CodeOf(Sku record) => record.Code;

    protected override async Task<bool> Exists(string code) => await skus.Find(code) is not null;

    protected override async Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<Sku> records, string actor)
    {
        await skus.CreateMany(records, actor);
        return null;
    }
}
