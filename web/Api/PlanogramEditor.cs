using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Shelves;

namespace SmartStore.Web.Api;

/// <summary>
/// Checks and saves a planogram: the camera is a shelf camera with that preset, the reference is one of its stored
/// snapshots, every planned SKU exists, the slots are valid on the reference image (the vision Planogram's rules).
/// </summary>
public sealed class PlanogramEditor(CameraRepository cameras, SnapshotRepository snapshots, SkuRepository skus, PlanogramRepository planograms, WebSettings settings)
{
    public sealed record Saved(PresetPlanogram Planogram, string? StoreCode);

    public async Task<(Saved? Saved, FieldErrors Errors)> Save(string cameraCode, int preset, ShelfEndpoints.PlanogramInput input, string actor)
    {
        var errors = new FieldErrors();
        var camera = await cameras.Find(cameraCode);
        if (camera is null) { errors.Add("camera", $"camera '{cameraCode}' does not exist.", $"设备“{cameraCode}”不存在。"); return (null, errors); }
        if (camera.Kind != CameraKind.Shelf) errors.Add("camera", "only shelf cameras have planograms.", "只有货架球机有陈列图。");
        else if (camera.Presets.All(p => p.Number != preset)) errors.Add("preset", $"camera '{cameraCode}' has no preset {preset}.", $"设备“{cameraCode}”没有预置位 {preset}。");
        if ((input.Slots is null) == (input.Grid is null)) errors.Add("slots", "give either slots or a grid.", "请给出货位或网格，二者选一。");
        if (errors.Any) return (null, errors);
        if (await ReferenceFor(cameraCode, preset, input.ReferenceSnapshotId, errors) is not { } reference) return (null, errors);
        var (jpeg, width, height) = reference;

        var slots = input.Grid is { } grid ? FromGrid(grid with { IdPrefix = grid.IdPrefix ?? DefaultPrefix(cameraCode, preset) }, width, height, errors)
            : FromSlots(input.Slots!, errors);
        if (errors.Any) return (null, errors);
        try
        {
            _ = new Planogram(width, height, slots.Select(s => new ShelfSlot(s.SlotId, s.PlannedSku, new SlotRect(s.X, s.Y, s.Width, s.Height))).ToList());
        }
        catch (ArgumentException e)
        {
            errors.Add("slots", e.Message.Split(" (Parameter")[0]);
            return (null, errors);
        }
        var planned = slots.Select(s => s.PlannedSku).OfType<string>().Distinct().ToList();
        var existing = await skus.Existing(planned);
        foreach (var unknown in planned.Where(code => !existing.Contains(code)))
            errors.Add("plannedSku", $"SKU '{unknown}' does not exist.", $"SKU“{unknown}”不存在。");
        if (camera.StoreCode is { } store) await CheckSharedSlots(store, cameraCode, preset, slots, errors);
        if (errors.Any) return (null, errors);

        await planograms.Save(cameraCode, preset, jpeg, width, height, slots, actor);
        return (new Saved((await planograms.Find(cameraCode, preset))!, camera.StoreCode), errors);
    }

    /// <summary>
    /// The reference photo: the given snapshot of this camera, or, when none is given, the preset's current one (slots
    /// adjusted on the image they were drawn on). Null, with the reason in errors, when there is none.
    /// </summary>
    private async Task<(byte[] Jpeg, int Width, int Height)?> ReferenceFor(string cameraCode, int preset, long? snapshotId, FieldErrors errors)
    {
        if (snapshotId is null)
        {
            if (await planograms.ReferenceImage(cameraCode, preset) is { } kept) return kept;
            errors.Add("referenceSnapshotId", "referenceSnapshotId is required: the preset has no planogram whose reference could be kept.", "请选择参考抓拍：该预置位还没有可沿用参考图的陈列图。");
            return null;
        }
        var reference = await snapshots.Find(snapshotId.Value);
        if (reference is null || reference.CameraCode != cameraCode)
        {
            errors.Add("referenceSnapshotId", $"snapshot {snapshotId} is not one of '{cameraCode}'.", $"抓拍 {snapshotId} 不属于设备“{cameraCode}”。");
            return null;
        }
        var file = Path.GetFullPath(Path.Combine(settings.ImagesRoot, reference.Path));
        if (!file.StartsWith(settings.ImagesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            errors.Add("referenceSnapshotId", $"the image of snapshot {reference.Id} is gone (retention).", $"抓拍 {reference.Id} 的图片已过保留期被删除。");
            return null;
        }
        return (await File.ReadAllBytesAsync(file), reference.Width, reference.Height);
    }

    /// <summary>
    /// Slot ids are store-level: a slot seen by two presets (two domes on one face) has one id. The same id on another
    /// planogram of the store must therefore plan the same SKU, or the store's plan would contradict itself.
    /// </summary>
    private async Task CheckSharedSlots(string store, string cameraCode, int preset, IReadOnlyList<PlanogramSlot> slots, FieldErrors errors)
    {
        var others = (await planograms.ForStore(store)).Where(p => p.CameraCode != cameraCode || p.Preset != preset)
            .SelectMany(p => p.Slots.Select(s => (Slot: s, Where: $"{p.CameraCode} preset {p.Preset}"))).ToList();
        foreach (var slot in slots)
            foreach (var (other, where) in others.Where(o => o.Slot.SlotId == slot.SlotId && o.Slot.PlannedSku != slot.PlannedSku))
                errors.Add("slots", $"slot id {slot.SlotId} is planned as {other.PlannedSku ?? "nothing"} on {where}; a shared slot must plan the same SKU (or use another id).",
                    $"货位 {slot.SlotId} 在 {where} 上计划为 {other.PlannedSku ?? "空"}；共用的货位须计划同一 SKU（或换一个货位编号）。");
    }

    /// <summary>The default slot id prefix: dome and preset ("P2.3-"), so two domes' grids never share ids by accident.</summary>
    public static string DefaultPrefix(string cameraCode, int preset) => $"{cameraCode.Split('-')[^1]}.{preset}-";

    private static List<PlanogramSlot> FromSlots(IReadOnlyList<ShelfEndpoints.SlotInput> inputs, FieldErrors errors)
    {
        var slots = new List<PlanogramSlot>();
        foreach (var (s, i) in inputs.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(s.SlotId) || s.X is null || s.Y is null || s.Width is null || s.Height is null)
            {
                errors.Add($"slots[{i}]", "every slot needs slotId, x, y, width and height.", "每个货位都需要编号、x、y、宽和高。");
                continue;
            }
            slots.Add(new PlanogramSlot(s.SlotId.Trim(), Blank(s.PlannedSku), s.X.Value, s.Y.Value, s.Width.Value, s.Height.Value));
        }
        return slots;
    }

    private static List<PlanogramSlot> FromGrid(ShelfEndpoints.GridInput g, int width, int height, FieldErrors errors)
    {
        foreach (var (field, value) in new[] { ("grid.x", g.X), ("grid.y", g.Y), ("grid.width", g.Width), ("grid.height", g.Height) })
            errors.Range(field, value, 0, 1);
        if (g.Rows is not (>= 1 and <= 20)) errors.Add("grid.rows", "rows must be 1–20.", "层数须为 1–20。");
        if (g.Columns is not (>= 1 and <= 30)) errors.Add("grid.columns", "columns must be 1–30.", "列数须为 1–30。");
        if (errors.Any) return [];
        var shelf = new SlotRect((int)(g.X!.Value * width), (int)(g.Y!.Value * height), (int)(g.Width!.Value * width), (int)(g.Height!.Value * height));
        var columns = g.Columns!.Value;
        var plan = Planogram.Grid(width, height, shelf, g.Rows!.Value, columns,
            (r, c) => g.PlannedSkus is { } planned && r * columns + c < planned.Count ? Blank(planned[r * columns + c]) : null,
            idPrefix: g.IdPrefix?.Trim() ?? "");
        return plan.Slots.Select(s => new PlanogramSlot(s.SlotId, s.PlannedSku, s.Rect.X, s.Rect.Y, s.Rect.Width, s.Rect.Height)).ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
