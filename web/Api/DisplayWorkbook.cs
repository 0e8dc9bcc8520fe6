
namespace SmartStore.Web.Api;

/// <summary>A shelf-display report as .xlsx: the daily trend, the latest day of each store, each region, and each SKU on those shelves.</summary>
public static class DisplayWorkbook
{
    public static async Task<byte[]> Write(DisplayReport report, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>
        {
            ["trend"] = report.Trend.Select(d => new Dictionary<string, object?>
            {
                ["日期 day"] = d.Day.ToString("yyyy-MM-dd"),
                ["陈列合规率 compliance"] = d.Compliance,
                ["本品排面 own facings"] = d.OwnFacings,
                ["竞品排面 competitor facings"] = d.CompetitorFacings,
                ["缺货位 out of stock"] = d.OutOfStock,
                [$"SKU {report.Sku ?? "-"} facings"] = d.SkuFacings,
            }).ToList(),
            ["stores"] = report.Stores.Select(s => new Dictionary<string, object?>
            {
                ["门店 store"] = s.Store,
                ["日期 day"] = s.Day.ToString("yyyy-MM-dd"),
                ["陈列合规率 compliance"] = s.Compliance,
                ["本品排面 own facings"] = s.OwnFacings,
                ["竞品排面 competitor facings"] = s.CompetitorFacings,
                ["缺货位 out of stock"] = s.OutOfStock,
                [$"SKU {report.Sku ?? "-"} facings"] = s.SkuFacings,
            }).ToList(),
            ["regions"] = report.Regions.Select(g => new Dictionary<string, object?>
            {
                ["大区 region"] = g.Region,
                ["门店数 stores"] = g.Stores,
                ["陈列合规率 compliance"] = g.Compliance,
                ["本品排面 own facings"] = g.OwnFacings,
                ["竞品排面 competitor facings"] = g.CompetitorFacings,
                ["缺货位 out of stock"] = g.OutOfStock,
            }).ToList(),
            ["skus"] = report.Skus.Select(k => new Dictionary<string, object?>
            {
                ["SKU"] = k.Sku,
                ["名称 name"] = k.Name,
                ["本品/竞品 own/competitor"] = k.Competitor ? "competitor" : "own",
                ["排面数 facings"] = k.Facings,
                ["陈列门店数 stores"] = k.Stores,
                ["排面占比 share of facings"] = k.Share,
            }).ToList(),
            // Last, so the sheets integrations already read keep their places.
            ["categories"] = report.Categories.Select(c => new Dictionary<string, object?>
            {
                ["品类 category"] = c.Category,
                ["本品排面 own facings"] = c.OwnFacings,
                ["竞品排面 competitor facings"] = c.CompetitorFacings,
                ["本品 SKU 数 own SKUs"] = c.OwnSkus,
                ["竞品 SKU 数 competitor SKUs"] = c.CompetitorSkus,
                ["本品占比 own share"] = c.OwnShare,
            }).ToList(),
        };
        return await Workbook.Save(sheets, cancellationToken);
    }
}
