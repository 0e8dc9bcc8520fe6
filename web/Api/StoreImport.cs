using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of stores from CSV or Excel, for the API and the store page alike. Every row is checked
/// first; one bad row rejects the whole file, so a half-imported sheet never exists.
/// </summary>
public sealed class StoreImport(StoreRepository stores, MasterDataValidation validation)
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["编码"] = "code", ["门店编码"] = "code", ["名称"] = "name", ["门店名称"] = "name", ["大区"] = "region", ["region_code"] = "region",
        ["城市"] = "city", ["地址"] = "address", ["纬度"] = "latitude", ["lat"] = "latitude", ["经度"] = "longitude", ["lng"] = "longitude",
        ["标签"] = "tags", ["开门"] = "open", ["关门"] = "close", ["时区"] = "time_zone", ["员工数"] = "staff", ["staff_count"] = "staff",
    };

    public async Task<ImportOutcome> Import(HttpRequest request, string actor) => await Import(await BulkImport.Read(request, Headers), actor);

    public async Task<ImportOutcome> Import(IFormFile file, string actor) => await Import(await BulkImport.Read(file, Headers), actor);

    private async Task<ImportOutcome> Import(BulkImport.Sheet sheet, string actor)
    {
        if (sheet.Error is not null) return ImportOutcome.Unreadable(sheet.Error);
        var errors = new RowErrors();
        var valid = new List<Store>();
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var input = ToStoreInput(row);
            if (input.OpeningHours is null && (row.Get("open") ?? row.Get("close")) is not null)
                errors.Add(i, $"open '{row.Get("open")}' and close '{row.Get("close")}' must both be times like 09:30.");
            var (store, rowErrors) = await validation.Store(input, null);
            errors.AddAll(i, rowErrors);
            if (store is null) continue;
            if (valid.Any(s => s.Code == store.Code)) errors.Add(i, $"code '{store.Code}' appears twice in the file.");
            else if (await stores.Find(store.Code) is not null) errors.Add(i, $"Store code '{store.Code}' already exists.");
            else valid.Add(store);
        }
        if (errors.All.Count > 0) return new ImportOutcome([], errors.All, null);
        await stores.CreateMany(valid, actor);
        return new ImportOutcome(valid.Select(s => s.Code).ToList(), [], null);
    }

    private static StoreInput ToStoreInput(IReadOnlyDictionary<string, string> row)
    {
        OpeningHours? hours = null;
        if (TimeOnly.TryParse(row.Get("open") ?? "", out var open) && TimeOnly.TryParse(row.Get("close") ?? "", out var close))
            hours = OpeningHours.Daily(open, close);
        var tags = row.Get("tags")?.Split([';', '|', '、', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? staff = int.TryParse(row.Get("staff"), out var s) ? s : null;
        return new StoreInput(row.Get("code"), row.Get("name"), row.Get("region"), row.Get("city"), row.Get("address"),
            row.Number("latitude"), row.Number("longitude"), tags, hours, row.Get("time_zone"), staff);
    }
}
