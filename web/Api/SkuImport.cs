using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Bulk import of SKUs from CSV or Excel, for the API and the SKU page alike; all rows or none.</summary>
public sealed class SkuImport(SkuRepository skus, MasterDataValidation validation)
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["编码"] = "code", ["商品编码"] = "code", ["名称"] = "name", ["商品名称"] = "name", ["品牌"] = "brand", ["品类"] = "category",
        ["竞品"] = "competitor", ["is_competitor"] = "competitor",
    };

    public async Task<ImportOutcome> Import(HttpRequest request, string actor) => await Import(await BulkImport.Read(request, Headers), actor);

    public async Task<ImportOutcome> Import(IFormFile file, string actor) => await Import(await BulkImport.Read(file, Headers), actor);

    private async Task<ImportOutcome> Import(BulkImport.Sheet sheet, string actor)
    {
        if (sheet.Error is not null) return ImportOutcome.Unreadable(sheet.Error);
        var errors = new RowErrors();
        var valid = new List<Sku>();
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var competitor = row.Get("competitor")?.ToLowerInvariant();
            if (competitor is not (null or "true" or "false" or "1" or "0" or "是" or "否" or "yes" or "no"))
                errors.Add(i, $"competitor '{competitor}' must be true/false, 1/0 or 是/否.");
            var input = new SkuInput(row.Get("code"), row.Get("name"), row.Get("brand"), row.Get("category"),
                competitor is "true" or "1" or "是" or "yes");
            var (sku, rowErrors) = await validation.Sku(input, null);
            errors.AddAll(i, rowErrors);
            if (sku is null) continue;
            if (valid.Any(s => s.Code == sku.Code)) errors.Add(i, $"code '{sku.Code}' appears twice in the file.");
            else if (await skus.Find(sku.Code) is not null) errors.Add(i, $"SKU code '{sku.Code}' already exists.");
            else valid.Add(sku);
        }
        if (errors.All.Count > 0) return new ImportOutcome([], errors.All, null);
        await skus.CreateMany(valid, actor);
        return new ImportOutcome(valid.Select(s => s.Code).ToList(), [], null);
    }
}
