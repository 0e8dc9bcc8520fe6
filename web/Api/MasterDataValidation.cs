using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Checks request bodies against the rules and vocabularies of master data before anything is written.</summary>
public sealed class MasterDataValidation(RegionRepository regions, StoreRepository stores, DictionaryRepository dictionary)
{
    /// <summary>A store's hours when none are given: 10:00–22:00 every day, a mall's usual.</summary>
    public static readonly OpeningHours UsualHours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0));

    public async Task<(Store? Store, FieldErrors Errors)> Store(StoreInput input, string? codeFromRoute)
    {
        var errors = new FieldErrors();
        var code = codeFromRoute ?? input.Code;
        errors.Code("code", code);
        if (codeFromRoute is null) errors.NotPathWord("code", code);
        if (codeFromRoute is not null && input.Code is not null && input.Code != codeFromRoute)
            errors.Add("code", $"code '{input.Code}' in the body differs from '{codeFromRoute}' in the URL.", $"请求中的编码“{input.Code}”与地址中的“{codeFromRoute}”不一致。");
        errors.Text("name", input.Name, 100);
        errors.Text("city", input.City, 60);
        errors.Text("address", input.Address, 200, required: false);
        errors.Range("latitude", input.Latitude, -90, 90);
        errors.Range("longitude", input.Longitude, -180, 180);
        if (input.StaffCount is < 0 or > 10_000) errors.Add("staffCount", $"staffCount {input.StaffCount} is outside 0..10000.", $"员工数 {input.StaffCount} 须在 0 至 10000 之间。");
        var zone = input.TimeZone ?? "Asia/Shanghai";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) errors.Add("timeZone", $"timeZone '{zone}' is not an IANA time zone.", $"时区“{zone}”不是 IANA 时区（如 Asia/Shanghai）。");
        if (string.IsNullOrWhiteSpace(input.RegionCode)) errors.Required("regionCode");
        else if (await regions.Find(input.RegionCode) is null) errors.Add("regionCode", $"region '{input.RegionCode}' does not exist.", $"大区“{input.RegionCode}”不存在。");
        foreach (var tag in input.Tags ?? [])
            if (!await dictionary.Contains(DictionaryRepository.StoreTag, tag))
                errors.Add("tags", $"tag '{tag}' is not in the store-tag dictionary.", $"标签“{tag}”不在门店标签字典中。");
        var hours = input.OpeningHours ?? UsualHours;
        // A schedule sent without "exceptions" has none (not a null list the camera grains' opening-hours rule trips over).
        hours = hours with { Exceptions = hours.Exceptions ?? Array.Empty<OpeningException>() };
        OpeningHoursRules(hours, errors);
        if (errors.Any) return (null, errors);
        return (new Store(code!, input.Name!.Trim(), input.RegionCode!, input.City!.Trim(), input.Address?.Trim() ?? "",
            input.Latitude!.Value, input.Longitude!.Value, (input.Tags ?? []).Distinct().ToArray(), hours, zone, input.StaffCount ?? 0), errors);
    }

    private static void OpeningHoursRules(OpeningHours hours, FieldErrors errors)
    {
        if (hours.ClosesBeforeItOpens)
            errors.Add("openingHours", $"openingHours.closedFrom {hours.ClosedFrom:yyyy-MM-dd} must come after openingHours.opensFrom {hours.OpensFrom:yyyy-MM-dd}.",
                $"闭店日期 {hours.ClosedFrom:yyyy-MM-dd} 须晚于开业日期 {hours.OpensFrom:yyyy-MM-dd}。");
        if (hours.Weekly is not { Count: 7 } || hours.Weekly.Any(d => d is null))
            errors.Add("openingHours", "openingHours.weekly must list exactly 7 days, Monday first.", "营业时间须列出一周 7 天（周一起）。");
        foreach (var ex in hours.Exceptions)
        {
            if (ex.To < ex.From)
                errors.Add("openingHours", $"openingHours.exceptions: range {ex.From:yyyy-MM-dd}..{ex.To:yyyy-MM-dd} ends before it starts.",
                    $"特殊营业时间 {ex.From:yyyy-MM-dd} 至 {ex.To:yyyy-MM-dd} 的结束日期早于开始日期。");
            if (ex.Hours is null)
                errors.Add("openingHours", $"openingHours.exceptions: range {ex.From:yyyy-MM-dd}..{ex.To:yyyy-MM-dd} has no hours.",
                    $"特殊营业时间 {ex.From:yyyy-MM-dd} 至 {ex.To:yyyy-MM-dd} 缺少营业时间。");
            if ((ex.Days & ~Weekdays.Every) != 0)
                errors.Add("openingHours", $"openingHours.exceptions: range {ex.From:yyyy-MM-dd}..{ex.To:yyyy-MM-dd} names a weekday that does not exist.",
                    $"特殊营业时间 {ex.From:yyyy-MM-dd} 至 {ex.To:yyyy-MM-dd} 的星期不存在。");
            if ((ex.Reason?.Length ?? 0) > 100)
                errors.Add("openingHours", "openingHours.exceptions: a reason is at most 100 characters.", "特殊营业时间的原因最多 100 个字。");
        }
    }

    public async Task<(Camera? Camera, FieldErrors Errors)> Camera(CameraInput input, string? codeFromRoute, AccessScope scope)
    {
        var errors = new FieldErrors();
        var code = codeFromRoute ?? input.Code;
        errors.Code("code", code);
        if (codeFromRoute is null) errors.NotPathWord("code", code);
        if (!CameraKindNames.TryParse(input.Kind, out var kind)) errors.Add("kind", $"kind '{input.Kind}' must be 'entrance', 'shelf' or 'interior'.", $"设备类型“{input.Kind}”须为入口、货架或店内摄像头。");
        errors.Text("brand", input.Brand, 60, required: false);
        errors.Text("model", input.Model, 60, required: false);
        var cadence = input.PatrolCadenceMinutes ?? (kind == CameraKind.Shelf ? 10 : 1);
        if (cadence is < 1 or > 1440) errors.Add("patrolCadenceMinutes", $"patrolCadenceMinutes {cadence} is outside 1..1440.", $"巡检间隔 {cadence} 分钟须在 1 至 1440 之间。");
        if (input.StoreCode is not null && await stores.Find(input.StoreCode) is null)
            errors.Add("storeCode", $"store '{input.StoreCode}' does not exist.", $"门店“{input.StoreCode}”不存在。");
        var presets = input.Presets ?? [];
        if (kind != CameraKind.Shelf && presets.Count > 0) errors.Add("presets", $"an {kind.ToCode()} camera is fixed and has no presets.", "固定摄像头没有预置位，只有货架球机有。");
        if (presets.Select(p => p.Number).Distinct().Count() != presets.Count) errors.Add("presets", "preset numbers must be unique.", "预置位编号不能重复。");
        if (presets.Any(p => p.Number is < 1 or > 255)) errors.Add("presets", "preset numbers are 1..255.", "预置位编号须在 1 至 255 之间。");
        if (presets.Any(p => string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 40)) errors.Add("presets", "every preset needs a name of at most 40 characters.", "每个预置位都需要名称，最多 40 个字符。");
        if (errors.Any) return (null, errors);
        return (new Camera(code!, kind, input.Brand ?? "", input.Model ?? "", input.StoreCode, cadence,
            presets.OrderBy(p => p.PatrolOrder).ToList()), errors);
    }

    public async Task<(Sku? Sku, FieldErrors Errors)> Sku(SkuInput input, string? codeFromRoute)
    {
        var errors = new FieldErrors();
        var code = codeFromRoute ?? input.Code;
        errors.Code("code", code);
        if (codeFromRoute is null) errors.NotPathWord("code", code);
        errors.Text("name", input.Name, 120);
        errors.Text("brand", input.Brand, 60);
        if (string.IsNullOrWhiteSpace(input.Category)) errors.Required("category");
        else if (!await dictionary.Contains(DictionaryRepository.SkuCategory, input.Category))
            errors.Add("category", $"category '{input.Category}' is not in the SKU-category dictionary.", $"品类“{input.Category}”不在商品品类字典中。");
        if (errors.Any) return (null, errors);
        return (new Sku(code!, input.Name!.Trim(), input.Brand!.Trim(), input.Category!, input.IsCompetitor ?? false), errors);
    }
}
