using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>One SKU with its reference photos; HQ admins upload more (whole, decodable JPEGs only), crop and delete them.</summary>
public sealed class SkuDetailModel(SkuRepository skus, DictionaryRepository dictionary, MasterDataValidation validation, ShelfCompetitors competitors,
    ReportCalendar calendar, IClusterClient cluster, AuditDesk audit, ILogger<SkuDetailModel> logger) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";

    public Sku Sku { get; private set; } = null!;
    public DictionaryEntry? Category { get; private set; }
    public IReadOnlyList<SkuRepository.PhotoInfo> Photos { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public SkuGalleryStatus? Gallery { get; private set; }
    public bool MayEdit => User.Scope().MayEditMasterData;
    public IReadOnlyList<DictionaryEntry> Categories { get; private set; } = [];
    /// <summary>Its latest changes (renamed, made a competitor's …), on head office's clock: a SKU is the chain's.</summary>
    public RecentChanges RecentChanges { get; private set; } = null!;
    /// <summary>商品资料 as the page showed it, or as typed when a save was refused.</summary>
    [BindProperty] public SkuInput? Details { get; set; }
    /// <summary>The SKU's version the form was filled from: saved only while the SKU is still at it.</summary>
    [BindProperty] public long? Revision { get; set; }
    /// <summary>Set when the SKU was changed meanwhile (a sheet, an ERP's sync): who, when, what it is now, each field typed otherwise.</summary>
    public TypedBesideNow.Notice? ChangedMeanwhile { get; private set; }
    public string? Mark(string field) => TypedBesideNow.Mark(ChangedMeanwhile?.Clashes ?? TypedBesideNow.None, field);

    public async Task<IActionResult> OnGet() => await Load() ? await WithGallery() : NotFound();

    public async Task<IActionResult> OnPostPhoto(List<IFormFile> photos)
    {
        if (!MayEdit) return Forbid();
        if (!await Load()) return NotFound();
        var errors = new List<string>();
        var added = 0;
        foreach (var file in photos)
        {
            if (file.Length > JpegCheck.MaxBytes)
            {
                errors.Add($"{file.FileName}: {string.Format(T("photoTooLarge"), JpegCheck.MaxBytes / 1024 / 1024)}");
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            var jpeg = buffer.ToArray();
            var check = JpegCheck.Inspect(jpeg);
            if (!check.Ok)
            {
                errors.Add($"{file.FileName}: {T(check.IsJpeg ? "jpegDamaged" : "notJpeg")}");
                continue;
            }
            await skus.AddPhoto(Code, jpeg, check.Width, check.Height, User.Actor());
            added++;
        }
        if (photos.Count == 0) errors.Add(T("photoNone"));
        Errors = errors;
        if (added > 0) Notice = Count("photosAdded", added);
        await Load();
        return await WithGallery();
    }

    /// <summary>
    /// Saves the SKU's name, brand, category and own / competitor flag. Refused when the SKU changed after the page was opened:
    /// what was typed stays in the form, the notice says who changed what, and saving again puts it over knowingly.
    /// </summary>
    public async Task<IActionResult> OnPostDetails()
    {
        if (!MayEdit) return Forbid();
        // As posted: loading the SKU fills the form and its version from the SKU as it is now.
        var (typed, opened) = (Details ?? new SkuInput(null, null, null, null, null), Revision);
        if (!await Load()) return NotFound();
        var (sku, errors) = await validation.Sku(typed with { Code = null }, Code);
        if (sku is null) return await Kept(typed, opened, errors.Localized);
        var (saving, _) = await competitors.Around(() => skus.Update(sku, User.Actor(), opened));
        if (saving == Saving.NotFound) return NotFound();
        if (saving == Saving.ChangedMeanwhile)
        {
            var last = (await skus.ChangesSince(Code, opened)).Last;
            // A SKU is the chain's: on head office's clock.
            var said = string.Format(T("skuChangedMeanwhile"), last?.Actor ?? "?", last is null ? "" : Display.Local(last.At, calendar.ZoneId, "MM-dd HH:mm:ss"),
                Sku.Name, Sku.Brand, Display.Label(Category, Sku.Category), T(Sku.IsCompetitor ? "competitor" : "own"));
            ChangedMeanwhile = new("sku-changed-meanwhile", said, TypedBesideNow.Differing(new("Name", T("name"), typed.Name, Sku.Name),
                new("Brand", T("brand"), typed.Brand, Sku.Brand),
                new("Category", T("category"), typed.Category is null ? null : Display.Label(Categories.FirstOrDefault(c => c.Code == typed.Category), typed.Category),
                    Display.Label(Category, Sku.Category)),
                new("IsCompetitor", T("ownOrCompetitor"), typed.IsCompetitor is { } flag ? T(flag ? "competitor" : "own") : null, T(Sku.IsCompetitor ? "competitor" : "own"))));
            // Told what changed, the person may save again: against the version they have now been shown.
            return await Kept(typed, Revision, []);
        }
        await Load();
        Notice = T("skuDetailsSaved");
        return await WithGallery();
    }

    /// <summary>The page with the form as typed, still against <paramref name="revision"/>.</summary>
    private Task<IActionResult> Kept(SkuInput typed, long? revision, IReadOnlyList<string> errors)
    {
        (Details, Revision, Errors) = (typed, revision, errors);
        return WithGallery();
    }

    public async Task<IActionResult> OnPostDeletePhoto(long id)
    {
        if (!MayEdit) return Forbid();
        if (!await Load()) return NotFound();
        if (await skus.DeletePhoto(Code, id, User.Actor())) Notice = T("photoDeleted");
        else Errors = [T("photoGone")];
        await Load();
        return await WithGallery();
    }

    public async Task<IActionResult> OnPostCropPhoto(long id, int? x, int? y, int? width, int? height)
    {
        if (!MayEdit) return Forbid();
        if (!await Load()) return NotFound();
        var (photo, errors) = await ReferencePhotoCrop.Apply(skus, Code, id, new SkuEndpoints.CropInput(x, y, width, height), User.Actor());
        if (photo is not null) Notice = string.Format(T("photoCropped"), photo.Width, photo.Height);
        else Errors = [T(errors is null ? "photoGone" : "cropRegionInvalid")];
        await Load();
        return await WithGallery();
    }

    /// <summary>The page, with the gallery's state read after any change the request made (a new photo shows as learning).</summary>
    private async Task<IActionResult> WithGallery()
    {
        Gallery = await RecognitionGallery.Status(cluster, logger);
        return Page();
    }

    private async Task<bool> Load()
    {
        if (await skus.FindWithRevision(Code) is not var (sku, revision)) return false;
        Sku = sku;
        (Details, Revision) = (new SkuInput(sku.Code, sku.Name, sku.Brand, sku.Category, sku.IsCompetitor), revision);
        Categories = await dictionary.List(DictionaryRepository.SkuCategory);
        Category = Categories.FirstOrDefault(c => c.Code == sku.Category);
        Photos = await skus.Photos(Code);
        RecentChanges = await Pages.RecentChanges.Of(audit, "sku", Code, calendar.ZoneId, MayEdit);
        return true;
    }
}
