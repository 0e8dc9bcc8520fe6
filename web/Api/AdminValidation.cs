using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>Checks for regions, dictionary entries and API keys, shared by the API and the back-office pages.</summary>
public static class AdminValidation
{
    public static (Region? Region, FieldErrors Errors) Region(string? code, RegionInput input)
    {
        var errors = new FieldErrors();
        errors.Code("code", code);
        errors.Text("name", input.Name, 100);
        errors.Text("nameEn", input.NameEn, 100, required: false);
        return errors.Any ? (null, errors) : (new Region(code!, input.Name!.Trim(), input.NameEn?.Trim() ?? ""), errors);
    }

    public static (DictionaryEntry? Entry, FieldErrors Errors) DictionaryEntry(string? kind, string? code, DictionaryEntry input)
    {
        var errors = new FieldErrors();
        if (kind is not (DictionaryRepository.StoreTag or DictionaryRepository.SkuCategory))
            errors.Add("kind", $"kind '{kind}' must be '{DictionaryRepository.StoreTag}' or '{DictionaryRepository.SkuCategory}'.", "字典类型须为门店标签或商品品类。");
        errors.Code("code", code);
        errors.Text("label", input.Label, 60);
        errors.Text("labelEn", input.LabelEn, 60);
        return errors.Any ? (null, errors) : (input with { Kind = kind!, Code = code! }, errors);
    }

    public static (AccessScope? Scope, FieldErrors Errors) ApiKey(ApiKeyInput input)
    {
        var errors = new FieldErrors();
        errors.Text("name", input.Name, 100);
        if (!RoleCodes.TryParse(input.Role, out var role)) errors.Add("role", $"role '{input.Role}' is not one of hq_admin, hq_analyst, region_manager, store_manager.", $"角色“{input.Role}”须为总部管理员、总部分析师、区域经理或店长。");
        if (role == Role.RegionManager && (input.RegionCodes?.Count ?? 0) == 0) errors.Add("regionCodes", "a region_manager key needs at least one region.", "区域经理的密钥至少需要一个大区。");
        if (role == Role.StoreManager && (input.StoreCodes?.Count ?? 0) == 0) errors.Add("storeCodes", "a store_manager key needs at least one store.", "店长的密钥至少需要一个门店。");
        // A key is one role's reach: a region key its regions, a store key its stores (accounts alone add stores beside regions).
        return errors.Any ? (null, errors) : (new AccessScope(role, role == Role.RegionManager ? input.RegionCodes ?? [] : [],
            role == Role.StoreManager ? input.StoreCodes ?? [] : []), errors);
    }
}
