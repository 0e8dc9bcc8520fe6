using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using SmartStore.Web.Localization;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>The SKU master (own and competitor products); for HQ admins the new-SKU form and bulk import.</summary>
public sealed class SkusModel(SkuRepository skus, DictionaryRepository dictionary, MasterDataValidation validation, SkuImport importer,
    IClusterClient cluster, ILogger<SkusModel> logger) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public SkuInput? Input { get; set; }

    public Page<Sku> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<DictionaryEntry> Categories { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? CreatedCode { get; private set; }
    public SkuGalleryStatus? Gallery { get; private set; }
    public ImportCard Import => new(T("importSkus"), "code, name, brand, category, competitor",
        T("skuImportExample"), ImportOutcome, ImportFailure, T("importChangeSkus"),
        new("/api/skus/export", T("skusExport"), T("sheetExportHint")));
    public bool MayEdit => User.Scope().MayEditMasterData;
    private ImportOutcome? ImportOutcome { get; set; }
    private string? ImportFailure { get; set; }

    public Task OnGet() => Load();

    public async Task<IActionResult> OnPostCreate()
    {
        if (!MayEdit) return Forbid();
        var (sku, errors) = await validation.Sku(Input ?? new SkuInput(null, null, null, null, null), null);
        Errors = errors.Localized;
        if (sku is not null)
        {
            try
            {
                await skus.Create(sku, User.Actor());
                CreatedCode = sku.Code;
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

    /// <param name="change">Rows of SKUs that exist change them (the cells filled in) instead of being refused.</param>
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
        Categories = await dictionary.List(DictionaryRepository.SkuCategory);
        Result = await skus.List(Q, string.IsNullOrEmpty(Category) ? null : Category, null, PageNumber, PageSize);
        Gallery = await RecognitionGallery.Status(cluster, logger);
    }
}
