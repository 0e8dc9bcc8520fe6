using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>
/// 人流量识别详情: one snapshot with the people found in it, their boxes and track ids, and the camera's door line (entrance)
/// or counting area (in-store, with the people outside it marked as not counted).
/// </summary>
public sealed class SnapshotDetailModel(SnapshotRepository snapshots, CameraRepository cameras, StoreRepository stores, CameraScope scope) : PageModel
{
    public sealed record SlotRead(string Slot, string? Planned, string Outcome, string? Sku, float Confidence, bool Matches, int X, int Y, int Width, int Height);

    public IReadOnlyList<SlotRead>? Slots { get; private set; }
    public int? Preset { get; private set; }
    public double? Compliance { get; private set; }

    [FromRoute] public long Id { get; set; }

    public SnapshotRepository.Snapshot Snapshot { get; private set; } = null!;
    public Camera? Camera { get; private set; }
    public IReadOnlyList<FoundPerson>? People { get; private set; }
    public string? Model { get; private set; }
    /// <summary>In-store cameras: the people the camera counted (standing in its counting area when it was analysed).</summary>
    public int? Counted { get; private set; }
    public string? Error { get; private set; }
    /// <summary>Why a snapshot still waits to be analysed (the SKU gallery it is read against is not available yet).</summary>
    public string? Waiting { get; private set; }
    /// <summary>The camera's pictures just before and after this one, and this one's time on the store's clock (for 回看).</summary>
    public (long? Previous, long? Next) Neighbours { get; private set; }
    public DateTime LocalTime { get; private set; }

    /// <summary>The camera's pictures around this one (<see cref="CameraHistoryModel.Around"/>).</summary>
    public string HistoryLink => CameraHistoryModel.Around(Snapshot.CameraCode, LocalTime);

    public async Task<IActionResult> OnGet()
    {
        var snapshot = await snapshots.Find(Id);
        if (snapshot is null) return NotFound();
        if (await scope.Check(User, snapshot.CameraCode) is { } refusal) return this.Refusal(refusal);
        Snapshot = snapshot;
        Camera = await cameras.Find(snapshot.CameraCode);
        if (await snapshots.Analysis(Id) is { } json) Read(json);
        Neighbours = await snapshots.Neighbours(snapshot);
        var store = Camera?.StoreCode is { } code ? await stores.Find(code) : null;
        // Arrival, as the camera's history is chosen and stepped through by it (a capture time may be off by minutes).
        LocalTime = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(snapshot.ReceivedAt, DateTimeKind.Utc), StoreTimeZones.Find(store?.TimeZone));
        return Page();
    }

    private void ReadShelf(JsonElement root)
    {
        Preset = root.TryGetProperty("preset", out var preset) && preset.ValueKind == JsonValueKind.Number ? preset.GetInt32() : null;
        Compliance = root.TryGetProperty("compliance", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null;
        if (!root.TryGetProperty("slots", out var slots) || slots.ValueKind != JsonValueKind.Array) { Slots = []; return; }
        Slots = slots.EnumerateArray().Select(s =>
        {
            var b = s.GetProperty("box").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            return new SlotRead(s.GetProperty("slot").GetString()!, s.GetProperty("planned").GetString(), s.GetProperty("outcome").GetString()!,
                s.GetProperty("sku").GetString(), s.GetProperty("confidence").GetSingle(), s.GetProperty("matches").GetBoolean(), b[0], b[1], b[2], b[3]);
        }).ToList();
    }

    private void Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error)) { Error = error.GetString(); return; }
        if (root.TryGetProperty("waiting", out var waiting)) { Waiting = waiting.GetString(); return; }
        if (root.TryGetProperty("kind", out var kind) && kind.GetString() == "shelf")
        {
            ReadShelf(root);
            return;
        }
        var found = FoundPeople.Read(root);
        (Model, People, Counted) = (found.Model, found.People, found.Counted);
    }
}
