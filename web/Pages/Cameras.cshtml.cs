using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using SmartStore.Web.Localization;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>Camera list in the viewer's scope; for HQ admins the new-camera form and secret rotation.</summary>
public sealed class CamerasModel(CameraRepository cameras, StoreRepository stores, MasterDataValidation validation, CameraImport importer) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Store { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public CameraForm Form { get; set; } = new();

    public Page<Camera> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<Store> StoreChoices { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public SecretShown? Shown { get; private set; }
    public bool MayEdit => User.Scope().MayEditMasterData;
    public ImportCard Import => new(T("importCameras"),
        "code, kind, store, brand, model, cadence, presets, till, till_name, door_line, counting_area",
        "CAM-S0101-E1, 入口, S0101, Hikvision, DS-2CD3T47G2, , , , , 0.5 0.2 0.5 0.98 0.75 0.6,",
        _importOutcome, _importFailure, T("importChangeCameras"), new("/api/cameras/export", T("camerasExport"), T("camerasExportHint")));
    /// <summary>The FTP secrets of the cameras just imported, in the file's order: shown once.</summary>
    public IReadOnlyList<(string Code, string Secret)>? ImportedSecrets =>
        _importOutcome is { Succeeded: true, Secrets: { } secrets } outcome ? outcome.Codes.Select(c => (c, secrets[c])).ToList() : null;
    private ImportOutcome? _importOutcome;
    private string? _importFailure;

    /// <param name="change">Rows of cameras that exist change them (the cells filled in) instead of being refused.</param>
    public async Task<IActionResult> OnPostImport(IFormFile? sheet, bool change)
    {
        if (!MayEdit) return Forbid();
        (_importOutcome, _importFailure) = await SheetUpload.Import(importer, sheet, User.Actor(), change);
        return await Secretive();
    }

    public async Task OnGet() => await Load();

    public async Task<IActionResult> OnPostCreate()
    {
        if (!MayEdit) return Forbid();
        var (input, problems) = Form.ToInput();
        var (camera, errors) = await validation.Camera(input, null, User.Scope());
        Errors = [.. problems, .. errors.Localized];
        if (camera is not null && problems.Count == 0)
        {
            try
            {
                var secret = await cameras.Create(camera, User.Actor());
                Shown = new SecretShown(string.Format(T("cameraCreated"), camera.Code), camera.Code, secret);
                Form = new CameraForm();
            }
            catch (MasterDataConflict e)
            {
                Errors = [RefusalText.Of(e)];
            }
        }
        return await Secretive();
    }

    public async Task<IActionResult> OnPostRotate(string code)
    {
        if (!MayEdit) return Forbid();
        var secret = await cameras.RotateSecret(code, User.Actor());
        if (secret is null) return NotFound();
        Shown = new SecretShown(string.Format(T("secretRotated"), code), code, secret);
        return await Secretive();
    }

    /// <summary>The page may carry a secret: it must not be cached anywhere.</summary>
    private async Task<IActionResult> Secretive()
    {
        Response.Headers.CacheControl = "no-store";
        await Load();
        return Page();
    }

    private async Task Load()
    {
        PageNumber = Math.Max(1, PageNumber);
        Result = await cameras.List(User.Scope(), string.IsNullOrEmpty(Store) ? null : Store, Q, PageNumber, PageSize);
        if (MayEdit) StoreChoices = (await stores.List(User.Scope(), null, null, null, 1, 10_000)).Items;
    }
}
