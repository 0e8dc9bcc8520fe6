using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using SmartStore.Web.Localization;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>Store list (search, region filter, paging) and, for HQ admins, the new-store form and bulk import.</summary>
public sealed class StoresModel(StoreRepository stores, RegionRepository regions, DictionaryRepository dictionary,
    MasterDataValidation validation, StoreImport importer) : PageModel
{
    private const int PageSize = 15;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    /// <summary>preparing, trading, closed (for good), or empty: every store.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public StoreInput? Input { get; set; }

    public Page<Store> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> Tags { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? CreatedCode { get; private set; }
    public bool MayEdit => User.Scope().MayEditMasterData;
    public ImportCard Import => new(T("importStores"),
        "code, name, region, city, address, latitude, longitude, tags, open, close, staff, weekend_open, weekend_close, weekly, opens_on, closed_on",
        "S0101, 长沙五一广场店, SOUTH, 长沙, 芙蓉区五一大道1号, 28.196, 112.977, mall;flagship, 10:00, 22:00, 8, 10:00, 22:30",
        ImportOutcome, ImportFailure, T("importChangeStores"), new("/api/stores/export", T("storesExport"), T("sheetExportHint")));
    private ImportOutcome? ImportOutcome { get; set; }
    private string? ImportFailure { get; set; }

    public string RegionName(string code) => Display.RegionName(Regions.FirstOrDefault(r => r.Code == code), code);

    public Task OnGet() => Load();

    public async Task<IActionResult> OnPost()
    {
        if (!MayEdit) return Forbid();
        var (store, errors) = await validation.Store(Input ?? new StoreInput(null, null, null, null, null, null, null, null, null, null, null), null);
        if (store is null)
        {
            Errors = errors.Localized;
        }
        else
        {
            try
            {
                await stores.Create(store, User.Actor());
                CreatedCode = store.Code;
                Input = null;
            }
            catch (MasterDataConflict e)
            {
                Errors = [RefusalText.Of(e)];
            }
        }
        await Load();
        return Page();
    }

    /// <param name="change">Rows of stores that exist change them (the cells filled in) instead of being refused.</param>
    public async Task<IActionResult> OnPostImport(IFormFile? sheet, bool change)
    {
        if (!MayEdit) return Forbid();
        (ImportOutcome, ImportFailure) = await SheetUpload.Import(importer, sheet, User.Actor(), change);
        await Load();
        return Page();
    }

    private async Task Load()
    {
        PageNumber = Math.Max(1, PageNumber);
        Regions = await regions.List(User.Scope());
        Tags = await dictionary.List(DictionaryRepository.StoreTag);
        var stage = StoreStages.FromCode(Status);
        if (stage is null) Status = null;
        Result = await stores.List(User.Scope(), Q, string.IsNullOrEmpty(Region) ? null : Region, null, PageNumber, PageSize, stage is { } only ? [only] : null);
    }
}
