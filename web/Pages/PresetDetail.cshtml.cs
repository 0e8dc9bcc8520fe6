using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>One preset of a shelf camera: its planogram drawn on the reference photo, and (HQ admins) the grid and slot editors.</summary>
public sealed class PresetDetailModel(CameraRepository cameras, PlanogramRepository planograms, SkuRepository skus,
    PlanogramEditor editor, CameraScope scope, IClusterClient cluster) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";
    [FromRoute] public int Preset { get; set; }

    public Camera Camera { get; private set; } = null!;
    public CameraPreset PresetInfo { get; private set; } = null!;
    public PresetPlanogram? Planogram { get; private set; }
    public long? LatestSnapshotId { get; private set; }
    public IReadOnlyList<Sku> Skus { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public bool MayEdit => User.Scope().MayEditMasterData;

    public async Task<IActionResult> OnGet() => await Load() ?? Page();

    public async Task<IActionResult> OnPostGrid(long referenceSnapshotId, double x, double y, double width, double height, int rows, int columns,
        string? plannedSkus, string? idPrefix)
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        var planned = (plannedSkus ?? "").Split([',', '\n', ' ', '，'], StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0).Select(s => s == "-" ? null : s).ToList();
        var grid = new ShelfEndpoints.GridInput(x / 100, y / 100, width / 100, height / 100, rows, columns, planned, idPrefix);
        return await SaveAndShow(new ShelfEndpoints.PlanogramInput(referenceSnapshotId, null, grid));
    }

    /// <summary>Slots adjusted one by one on the current reference image (the slot editor posts them as JSON).</summary>
    /// <param name="planogramVersion">the planogram's UpdatedAt ticks when the page was drawn: edits are refused if it changed since.</param>
    public async Task<IActionResult> OnPostSlots(string? slotsJson, long planogramVersion)
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        if (Planogram is null || Planogram.UpdatedAt.Ticks != planogramVersion)
        {
            Errors = [T("planogramChangedMeanwhile")];
            return Page();
        }
        List<ShelfEndpoints.SlotInput>? slots;
        try { slots = JsonSerializer.Deserialize<List<ShelfEndpoints.SlotInput>>(slotsJson ?? "", JsonSerializerOptions.Web); }
        catch (JsonException) { slots = null; }
        if (slots is null)
        {
            Errors = [T("slotsUnreadable")];
            return Page();
        }
        var result = await SaveAndShow(new ShelfEndpoints.PlanogramInput(null, slots, null));
        // A refused save shows the slots as the user left them, to be corrected rather than redrawn.
        if (Errors.Count > 0) EditedSlots = slots;
        return result;
    }

    /// <summary>Slots posted by the editor but refused; the editor starts from them instead of the saved ones.</summary>
    public IReadOnlyList<ShelfEndpoints.SlotInput>? EditedSlots { get; private set; }

    /// <summary>What the slot editor starts from, as JSON.</summary>
    public string EditorSlotsJson => JsonSerializer.Serialize(EditedSlots ?? (IEnumerable<ShelfEndpoints.SlotInput>)(Planogram?.Slots ?? [])
        .Select(s => new ShelfEndpoints.SlotInput(s.SlotId, s.PlannedSku, s.X, s.Y, s.Width, s.Height)), JsonSerializerOptions.Web);

    private async Task<IActionResult> SaveAndShow(ShelfEndpoints.PlanogramInput input)
    {
        var (saved, errors) = await editor.Save(Code, Preset, input, User.Actor());
        if (saved is null)
        {
            Errors = errors.Localized;
            return Page();
        }
        if (saved.StoreCode is { } store) await cluster.GetGrain<IStoreGrain>(store).PlanChanged();
        await Load();
        Notice = T("planogramSaved");
        return Page();
    }

    private async Task<IActionResult?> Load()
    {
        if (await scope.Check(User, Code) is { } refusal) return this.Refusal(refusal);
        var camera = await cameras.Find(Code);
        if (camera is null || camera.Presets.FirstOrDefault(p => p.Number == Preset) is not { } preset) return NotFound();
        Camera = camera;
        PresetInfo = preset;
        Planogram = await planograms.Find(Code, Preset);
        var ingestion = await cluster.GetGrain<ICameraGrain>(Code).GetIngestion();
        LatestSnapshotId = ingestion.LastSnapshotByPreset.TryGetValue(Preset, out var id) ? id : null;
        Skus = (await skus.List(null, null, null, 1, 1000)).Items;
        return null;
    }
}
