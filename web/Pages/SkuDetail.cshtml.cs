using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>One SKU with its reference photos; HQ admins upload more (whole, decodable JPEGs only), crop and delete them.</summary>
public sealed class SkuDetailModel(SkuRepository skus, DictionaryRepository dictionary, IClusterClient cluster, ILogger<SkuDetailModel> logger) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";

    public Sku Sku { get; private set; } = null!;
    public DictionaryEntry? Category { get; private set; }
    public IReadOnlyList<SkuRepository.PhotoInfo> Photos { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public SkuGalleryStatus? Gallery { get; private set; }
    public bool MayEdit => User.Scope().MayEditMasterData;

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
        if (added > 0) Notice = string.Format(T("photosAdded"), added);
        await Load();
        return await WithGallery();
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
        var sku = await skus.Find(Code);
        if (sku is null) return false;
        Sku = sku;
        Category = (await dictionary.List(DictionaryRepository.SkuCategory)).FirstOrDefault(c => c.Code == sku.Category);
        Photos = await skus.Photos(Code);
        return true;
    }
}
