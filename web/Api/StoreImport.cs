using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of stores from CSV or Excel, for the API and the store page alike. Every row is checked
/// first; one bad row rejects the whole file, so a half-imported sheet never exists.
/// </summary>
public sealed class StoreImport(StoreRepository stores, MasterDataValidation validation) : SheetImport<Store>(Headers, "Store")
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["编码"] = "code", ["门店编码"] = "code", ["名称"] = "name", ["门店名称"] = "name", ["大区"] = "region", ["region_code"] = "region",
        ["城市"] = "city", ["地址"] = "address", ["纬度"] = "latitude", ["lat"] = "latitude", ["经度"] = "longitude", ["lng"] = "longitude",
        ["标签"] = "tags", ["开门"] = "open", ["关门"] = "close", ["时区"] = "time_zone", ["员工数"] = "staff", ["staff_count"] = "staff",
    };

    protected override async Task<Store?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var input = ToStoreInput(row);
        if (input.OpeningHours is null && (row.Get("open") ?? row.Get("close")) is not null)
            errors.Add(index, $"open '{row.Get("open")}' and close '{row.Get("close")}' must both be times like 09:30.",
                $"开门“{row.Get("open")}”和关门“{row.Get("close")}”须都是 09:30 这样的时间。");
        var (store, rowErrors) = await validation.Store(input, null);
        errors.AddAll(index, rowErrors);
        return store;
    }

    protected override string CodeOf(Store record) => record.Code;

    protected override async Task<bool> Exists(string code) => await stores.Find(code) is not null;

    protected override async Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<Store> records, string actor)
    {
        await stores.CreateMany(records, actor);
        return null;
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
