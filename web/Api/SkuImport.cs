using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of SKUs from CSV or Excel, for the API and the SKU page alike; all rows or none. Sent to change existing
/// SKUs, a row whose code exists changes that SKU by its filled-in cells (a brand's new names, a category moved).
/// </summary>
public sealed class SkuImport(SkuRepository skus, MasterDataValidation validation, ShelfCompetitors competitors) : SheetImport<Sku>(Headers, "SKU")
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["编码"] = "code", ["商品编码"] = "code", ["名称"] = "name", ["商品名称"] = "name", ["品牌"] = "brand", ["品类"] = "category",
        ["竞品"] = "competitor", ["is_competitor"] = "competitor",
    };

    protected override async Task<Sku?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var competitor = CompetitorOf(row.Get("competitor"), false, index, errors);
        var input = new SkuInput(row.Get("code"), row.Get("name"), row.Get("brand"), row.Get("category"), competitor == true);
        var (sku, rowErrors) = await validation.Sku(input, null);
        errors.AddAll(index, rowErrors);
        return sku;
    }

    protected override bool Changes => true;

    protected override Task<Sku?> Current(string code) => skus.Find(code);

    protected override async Task<Func<Sku, Sku>?> CheckChange(IReadOnlyDictionary<string, string> row, Sku now, int index, RowErrors errors, string actor)
    {
        var (name, brand, category) = (row.Get("name"), row.Get("brand"), row.Get("category"));
        var given = row.Get("competitor");
        var competitor = CompetitorOf(given, now.IsCompetitor, index, errors);
        var (changed, rowErrors) = await validation.Sku(new SkuInput(null, name ?? now.Name, brand ?? now.Brand, category ?? now.Category,
            competitor == true), now.Code);
        errors.AddAll(index, rowErrors);
        if (changed is null || competitor is null) return null;
        return sku => sku with
        {
            Name = name is null ? sku.Name : changed.Name,
            Brand = brand is null ? sku.Brand : changed.Brand,
            Category = category is null ? sku.Category : changed.Category,
            IsCompetitor = given is null ? sku.IsCompetitor : changed.IsCompetitor,
        };
    }

    protected override async Task<(IReadOnlyDictionary<string, string>? Secrets, IReadOnlyList<string> Changed)> WriteAll(IReadOnlyList<Sku> created,
        IReadOnlyDictionary<string, Func<Sku, Sku>> changes, string actor)
    {
        var changed = await competitors.Around(() => skus.Import(created, changes, actor));
        return (null, changed.Select(s => s.Code).ToList());
    }

    /// <summary>The SKUs as a sheet in the columns this import reads (Chinese headers), to change and send back with change=true.</summary>
    public static async Task<byte[]> Sheet(IReadOnlyList<Sku> skus, CancellationToken cancellationToken) =>
        await Workbook.Save(new Dictionary<string, object>
        {
            ["skus"] = skus.Select(s => new Dictionary<string, object?>
            {
                ["商品编码"] = s.Code, ["商品名称"] = s.Name, ["品牌"] = s.Brand, ["品类"] = s.Category, ["竞品"] = s.IsCompetitor ? "是" : "否",
            }).ToList(),
        }, cancellationToken);

    /// <summary>The 竞品 cell as yes or no (<paramref name="empty"/> when empty); null, with the row refused, when it is neither.</summary>
    private static bool? CompetitorOf(string? cell, bool empty, int index, RowErrors errors)
    {
        if (cell is null) return empty;
        if (BulkImport.YesOrNo(cell) is { } yes) return yes;
        errors.Add(index, $"competitor '{cell.ToLowerInvariant()}' must be true/false, 1/0 or 是/否.", $"竞品“{cell.ToLowerInvariant()}”须为 是/否、true/false 或 1/0。");
        return null;
    }

    protected override string CodeOf(Sku record) => record.Code;

    protected override async Task<bool> Exists(string code) => await skus.Find(code) is not null;

    protected override async Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<Sku> records, string actor)
    {
        await skus.CreateMany(records, actor);
        return null;
    }
}
