using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of stores from CSV or Excel, for the API and the store page alike. Every row is checked
/// first; one bad row rejects the whole file, so a half-imported sheet never exists. Sent to change existing stores, a row
/// whose code exists changes that store by the cells filled in — the chain's monthly master-data sheet, new hours for 300
/// stores — and leaves the rest, its holiday hours included; the stores' grains are told.
/// </summary>
public sealed class StoreImport(StoreRepository stores, MasterDataValidation validation, IClusterClient cluster) : SheetImport<Store>(Headers, "Store")
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["编码"] = "code", ["门店编码"] = "code", ["名称"] = "name", ["门店名称"] = "name", ["大区"] = "region", ["region_code"] = "region",
        ["城市"] = "city", ["地址"] = "address", ["纬度"] = "latitude", ["lat"] = "latitude", ["经度"] = "longitude", ["lng"] = "longitude",
        ["标签"] = "tags", ["开门"] = "open", ["关门"] = "close", ["时区"] = "time_zone", ["员工数"] = "staff", ["staff_count"] = "staff",
        ["周末开门"] = "weekend_open", ["周末关门"] = "weekend_close", ["每周营业时间"] = "weekly", ["营业时间"] = "weekly",
        ["开业日期"] = "opens_on", ["闭店日期"] = "closed_on",
    };

    protected override async Task<Store?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var hours = SheetHours.Of(row, index, errors);
        var (opens, closed) = (DateCell(row, "opens_on", index, errors), DateCell(row, "closed_on", index, errors));
        var week = hours.Given ? new OpeningHours(hours.Over(MasterDataValidation.UsualHours.Weekly), []) : MasterDataValidation.UsualHours;
        var input = ToStoreInput(row, week with { OpensFrom = opens.Date, ClosedFrom = closed.Date });
        var (store, rowErrors) = await validation.Store(input, null);
        errors.AddAll(index, rowErrors);
        return store;
    }

    /// <summary>
    /// A date column (开业日期, 闭店日期): not given (an empty cell: a change keeps the store's), cleared (<see cref="BulkImport.ClearMark"/>),
    /// or a date; a cell that is none is refused with its row.
    /// </summary>
    private static (bool Given, DateOnly? Date) DateCell(IReadOnlyDictionary<string, string> row, string column, int index, RowErrors errors)
    {
        if (row.Optional(column) is not { } text) return (false, null);
        if (text.Length == 0) return (true, null);
        var refused = new FieldErrors();
        var date = PlanningInput.Date(column, text, refused);
        errors.AddAll(index, refused);
        return (date is not null, date);
    }

    protected override string CodeOf(Store record) => record.Code;

    protected override async Task<bool> Exists(string code) => await stores.Find(code) is not null;

    protected override async Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<Store> records, string actor)
    {
        await stores.CreateMany(records, actor);
        return null;
    }

    protected override bool Changes => true;

    protected override Task<Store?> Current(string code) => stores.Find(code);

    protected override async Task<Func<Store, Store>?> CheckChange(IReadOnlyDictionary<string, string> row, Store now, int index, RowErrors errors, string actor)
    {
        var before = errors.All.Count;
        // A cell filled in with what is not a number is refused, not read as "keep what the store has".
        foreach (var column in new[] { "latitude", "longitude" })
            if (row.Get(column) is { } text && row.Number(column) is null) errors.Add(index, $"{column} '{text}' is not a number.", $"“{text}”不是数字。");
        if (row.Get("staff") is { } staff && !int.TryParse(staff, out _)) errors.Add(index, $"staff '{staff}' is not a whole number.", $"员工数“{staff}”不是整数。");
        var hours = SheetHours.Of(row, index, errors);
        var (opens, closed) = (DateCell(row, "opens_on", index, errors), DateCell(row, "closed_on", index, errors));
        OpeningHours Dated(OpeningHours of) => of with
        {
            OpensFrom = opens.Given ? opens.Date : of.OpensFrom,
            ClosedFrom = closed.Given ? closed.Date : of.ClosedFrom,
        };
        var tags = ListEdit.Read(row.Get("tags"), TagSeparators, out var tagsUnread);
        if (tagsUnread is { } problem) errors.Add(index, problem.En, problem.Zh);
        var typed = ToStoreInput(row, null);
        // Checked as the store would be: what the row sets over what the store has.
        var (changed, rowErrors) = await validation.Store(new StoreInput(null, typed.Name ?? now.Name, typed.RegionCode ?? now.RegionCode,
            typed.City ?? now.City, typed.Address ?? now.Address, typed.Latitude ?? now.Latitude, typed.Longitude ?? now.Longitude,
            tags?.Over(now.Tags) ?? now.Tags, Dated(hours.Given ? now.OpeningHours with { Weekly = hours.Over(now.OpeningHours.Weekly) } : now.OpeningHours),
            typed.TimeZone ?? now.TimeZone, typed.StaffCount ?? now.StaffCount), now.Code);
        errors.AddAll(index, rowErrors);
        if (changed is null || errors.All.Count > before) return null;
        return store => store with
        {
            Name = typed.Name is null ? store.Name : changed.Name,
            RegionCode = typed.RegionCode is null ? store.RegionCode : changed.RegionCode,
            City = typed.City is null ? store.City : changed.City,
            Address = typed.Address is null ? store.Address : changed.Address,
            Latitude = typed.Latitude is null ? store.Latitude : changed.Latitude,
            Longitude = typed.Longitude is null ? store.Longitude : changed.Longitude,
            // Edits (+pilot) apply to the tags the store has as it is written, not as they were read.
            Tags = tags is null ? store.Tags : tags.Whole is null ? tags.Over(store.Tags) : changed.Tags,
            OpeningHours = Dated(hours.Given ? store.OpeningHours with { Weekly = hours.Over(store.OpeningHours.Weekly) } : store.OpeningHours),
            TimeZone = typed.TimeZone is null ? store.TimeZone : changed.TimeZone,
            StaffCount = typed.StaffCount is null ? store.StaffCount : changed.StaffCount,
        };
    }

    protected override async Task<(IReadOnlyDictionary<string, string>? Secrets, IReadOnlyList<string> Changed)> WriteAll(IReadOnlyList<Store> created,
        IReadOnlyDictionary<string, Func<Store, Store>> changes, string actor)
    {
        var changed = await stores.Import(created, changes, actor);
        // Opening hours, time zone and region are what a store's grain and its cameras decide by.
        await ChangedGrains.Tell(changed, store => cluster.GetGrain<IStoreGrain>(store.Code).ProfileChanged());
        return (null, changed.Select(s => s.Code).ToList());
    }

    /// <summary>
    /// The stores as a sheet in the columns this import reads (Chinese headers), to change and send back with change=true:
    /// a week the four hour cells cannot say (a day closed) is written in 每周营业时间 instead, so it comes back unchanged.
    /// </summary>
    public static async Task<byte[]> Sheet(IReadOnlyList<Store> stores, CancellationToken cancellationToken) =>
        await Workbook.Save(new Dictionary<string, object>
        {
            ["stores"] = stores.Select(s => (Store: s, Hours: SheetHours.Cells(s.OpeningHours.Weekly))).Select(r => new Dictionary<string, object?>
            {
                ["编码"] = r.Store.Code, ["名称"] = r.Store.Name, ["大区"] = r.Store.RegionCode, ["城市"] = r.Store.City, ["地址"] = r.Store.Address,
                ["纬度"] = r.Store.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                ["经度"] = r.Store.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                ["标签"] = string.Join(";", r.Store.Tags), ["开门"] = r.Hours.Open, ["关门"] = r.Hours.Close,
                ["周末开门"] = r.Hours.WeekendOpen, ["周末关门"] = r.Hours.WeekendClose, ["每周营业时间"] = r.Hours.Weekly, ["时区"] = r.Store.TimeZone, ["员工数"] = r.Store.StaffCount,
                ["开业日期"] = r.Store.OpeningHours.OpensFrom?.ToString("yyyy-MM-dd") ?? "", ["闭店日期"] = r.Store.OpeningHours.ClosedFrom?.ToString("yyyy-MM-dd") ?? "",
            }).ToList(),
        }, cancellationToken);

    private static readonly char[] TagSeparators = [';', '|', '、', ','];

    private static StoreInput ToStoreInput(IReadOnlyDictionary<string, string> row, OpeningHours? hours)
    {
        var tags = row.Optional("tags")?.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? staff = int.TryParse(row.Get("staff"), out var s) ? s : null;
        return new StoreInput(row.Get("code"), row.Get("name"), row.Get("region"), row.Get("city"), row.Optional("address"),
            row.Number("latitude"), row.Number("longitude"), tags, hours, row.Get("time_zone"), staff);
    }
}
