using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>基础设置: regions, the data dictionary and the recognition models. HQ sees it; HQ admins change it.</summary>
public sealed class SettingsModel(RegionRepository regions, DictionaryRepository dictionary, RecognitionModels models, RecognitionModelChoices choices) : PageModel
{
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> StoreTags { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> SkuCategories { get; private set; } = [];
    public IReadOnlyList<RecognitionModelChoices.Choice> Models { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>Which form the errors belong to: "region" or a dictionary kind.</summary>
    public string? ErrorsFor { get; private set; }
    public string? Notice { get; private set; }
    public bool MayEdit => User.Scope().MayEditMasterData;

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().SeesWholeChain) return Forbid();
        await Load();
        return Page();
    }

    /// <summary>Adds a region (isNew) or renames one; the code of a region never changes.</summary>
    public async Task<IActionResult> OnPostRegion(string? code, string? name, string? nameEn, bool isNew)
    {
        if (!MayEdit) return Forbid();
        var (region, errors) = AdminValidation.Region(code?.Trim(), new RegionInput(name, nameEn));
        if (region is not null && isNew && await regions.Find(region.Code) is not null)
            errors.Add("code", string.Format(T("regionExists"), region.Code));
        if (region is null || errors.Any) return await Refused(errors, "region");
        await regions.Upsert(region, User.Actor());
        Notice = string.Format(T(isNew ? "regionAdded" : "regionRenamed"), Display.RegionName(region, region.Code));
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostEntry(string? kind, string? code, string? label, string? labelEn)
    {
        if (!MayEdit) return Forbid();
        IReadOnlyList<DictionaryEntry> existing = kind is null ? [] : await dictionary.List(kind);
        var order = existing.Count == 0 ? 10 : existing.Max(e => e.SortOrder) + 10;
        var (entry, errors) = AdminValidation.DictionaryEntry(kind, code?.Trim(), new DictionaryEntry("", "", label?.Trim() ?? "", labelEn?.Trim() ?? "", order));
        if (entry is not null && existing.Any(e => e.Code == entry.Code))
            errors.Add("code", string.Format(T("entryExists"), entry.Code));
        if (entry is null || errors.Any) return await Refused(errors, kind);
        await dictionary.Upsert(entry, User.Actor());
        Notice = string.Format(T("entryAdded"), Display.Label(entry, entry.Code));
        await Load();
        return Page();
    }

    /// <summary>Switches the model a camera kind runs; only models that fit the kind are offered or accepted.</summary>
    public async Task<IActionResult> OnPostModel(string kind, string? modelName)
    {
        if (!MayEdit) return Forbid();
        if (RecognitionModelChoices.Refusal(kind, modelName) is { } refusal)
        {
            var errors = new FieldErrors();
            errors.Add("modelName", refusal);
            return await Refused(errors, "model");
        }
        await models.Assign(kind, modelName!, User.Actor());
        Notice = string.Format(T("modelAssigned"), T(kind), modelName);
        await Load();
        return Page();
    }

    private async Task<IActionResult> Refused(FieldErrors errors, string? form)
    {
        Errors = errors.Localized;
        ErrorsFor = form;
        await Load();
        return Page();
    }

    private async Task Load()
    {
        Regions = await regions.List(User.Scope());
        StoreTags = await dictionary.List(DictionaryRepository.StoreTag);
        SkuCategories = await dictionary.List(DictionaryRepository.SkuCategory);
        Models = await choices.List();
    }
}
