using System.Security.Claims;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of stores and SKUs from CSV or Excel. Every row is checked first; one bad row rejects the
/// whole file with the row numbers and reasons, so a half-imported sheet never exists.
/// </summary>
public static class ImportEndpoints
{
    private static readonly Dictionary<string, string> StoreHeaders = new()
    {
        ["编码"] = "code", ["门店编码"] = "code", ["名称"] = "name", ["门店名称"] = "name", ["大区"] = "region", ["region_code"] = "region",
        ["城市"] = "city", ["地址"] = "address", ["纬度"] = "latitude", ["lat"] = "latitude", ["经度"] = "longitude", ["lng"] = "longitude",
        ["标签"] = "tags", ["开门"] = "open", ["关门"] = "close", ["时区"] = "time_zone", ["员工数"] = "staff", ["staff_count"] = "staff",
    };

    private static readonly Dictionary<string, string> SkuHeaders = new()
    {
        ["编码"] = "code", ["商品编码"] = "code", ["名称"] = "name", ["商品名称"] = "name", ["品牌"] = "brand", ["品类"] = "category",
        ["竞品"] = "competitor", ["is_competitor"] = "competitor",
    };

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        api.MapPost("/stores/import", ImportStores).WithTags("Stores").RequireAuthorization(AuthenticationSetup.MayEdit).DisableAntiforgery();
        api.MapPost("/skus/import", ImportSkus).WithTags("SKUs").RequireAuthorization(AuthenticationSetup.MayEdit).DisableAntiforgery();
        return api;
    }

    private static async Task<IResult> ImportStores(HttpRequest request, ClaimsPrincipal user, StoreRepository stores, MasterDataValidation validation)
    {
        var sheet = await BulkImport.Read(request, StoreHeaders);
        if (sheet.Error is not null) return Results.Problem(statusCode: 400, title: "Unreadable sheet", detail: sheet.Error);
        var errors = new FieldErrors();
        var valid = new List<Store>();
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var input = ToStoreInput(row);
            if (input.OpeningHours is null && (row.Get("open") ?? row.Get("close")) is not null)
                errors.Add($"row {i + 2}", $"open '{row.Get("open")}' and close '{row.Get("close")}' must both be times like 09:30.");
            var (store, rowErrors) = await validation.Store(input, null);
            foreach (var message in rowErrors.Messages) errors.Add($"row {i + 2}", message);
            if (store is null) continue;
            if (valid.Any(s => s.Code == store.Code)) errors.Add($"row {i + 2}", $"code '{store.Code}' appears twice in the file.");
            else if (await stores.Find(store.Code) is not null) errors.Add($"row {i + 2}", $"Store code '{store.Code}' already exists.");
            else valid.Add(store);
        }
        if (errors.Any) return errors.ToResult();
        await stores.CreateMany(valid, user.Actor());
        return Results.Ok(new { imported = valid.Count, codes = valid.Select(s => s.Code) });
    }

    private static async Task<IResult> ImportSkus(HttpRequest request, ClaimsPrincipal user, SkuRepository skus, MasterDataValidation validation)
    {
        var sheet = await BulkImport.Read(request, SkuHeaders);
        if (sheet.Error is not null) return Results.Problem(statusCode: 400, title: "Unreadable sheet", detail: sheet.Error);
        var errors = new FieldErrors();
        var valid = new List<Sku>();
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var competitor = row.Get("competitor")?.ToLowerInvariant();
            if (competitor is not (null or "true" or "false" or "1" or "0" or "是" or "否" or "yes" or "no"))
                errors.Add($"row {i + 2}", $"competitor '{competitor}' must be true/false, 1/0 or 是/否.");
            var input = new SkuInput(row.Get("code"), row.Get("name"), row.Get("brand"), row.Get("category"),
                competitor is "true" or "1" or "是" or "yes");
            var (sku, rowErrors) = await validation.Sku(input, null);
            foreach (var message in rowErrors.Messages) errors.Add($"row {i + 2}", message);
            if (sku is null) continue;
            if (valid.Any(s => s.Code == sku.Code)) errors.Add($"row {i + 2}", $"code '{sku.Code}' appears twice in the file.");
            else if (await skus.Find(sku.Code) is not null) errors.Add($"row {i + 2}", $"SKU code '{sku.Code}' already exists.");
            else valid.Add(sku);
        }
        if (errors.Any) return errors.ToResult();
        await skus.CreateMany(valid, user.Actor());
        return Results.Ok(new { imported = valid.Count, codes = valid.Select(s => s.Code) });
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
