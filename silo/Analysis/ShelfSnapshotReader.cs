using System.Text.Json;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Silo.Ingest;
using SmartStore.Storage;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// One shelf snapshot through the display path: which preset it shows (camera grain), the slot readings against that
/// preset's planogram, the store's shelf snapshot updated (store grain); returns what the per-image detail shows.
/// </summary>
public sealed class ShelfSnapshotReader(ShelfAnalyzer analyzer, ImagesFolder images, IGrainFactory grains)
{
    public async Task<(string Json, int? Preset)> Analyse(SnapshotAnalysisQueue.Claimed snapshot, DateTime capturedUtc, CancellationToken cancellationToken)
    {
        var preset = await grains.GetGrain<ICameraGrain>(snapshot.CameraCode).PresetOf(capturedUtc, CaptureTime.PresetFromFileName(snapshot.FileName));
        var result = await analyzer.Analyse(snapshot.CameraCode, preset, images.FullPath(snapshot.Path), cancellationToken);
        ShelfStatus? status = null;
        if (result.Reading is { } reading && preset is { } p && snapshot.StoreCode is { } store)
        {
            var observations = ShelfAnalyzer.Observations(snapshot.CameraCode, p, snapshot.Id, capturedUtc, reading);
            if (observations.Count > 0) status = await grains.GetGrain<IStoreGrain>(store).ShelfObserved(observations);
        }
        return (Describe(snapshot, preset, result, status), preset);
    }

    /// <summary>The display detail: preset, alignment, and every slot with its outcome and where it was read in the snapshot.</summary>
    private static string Describe(SnapshotAnalysisQueue.Claimed snapshot, int? preset, ShelfAnalyzer.Result result, ShelfStatus? status) => JsonSerializer.Serialize(new
    {
        kind = "shelf",
        preset,
        width = snapshot.Width,
        height = snapshot.Height,
        planogram = result.Planogram is not null,
        read = result.Reading is not null,
        alignment = result.Reading?.Alignment is { } a ? new { reliable = a.Reliable, score = Math.Round(a.Score, 3), dx = Math.Round(a.Transform.OffsetX, 1), dy = Math.Round(a.Transform.OffsetY, 1) } : null,
        compliance = status?.Figures.ComplianceRate,
        slots = result.Reading?.Slots.Select(s => new
        {
            slot = s.SlotId,
            planned = s.PlannedSku,
            outcome = s.Outcome.ToString().ToLowerInvariant(),
            sku = s.Sku,
            confidence = Math.Round(s.Confidence, 3),
            matches = s.MatchesPlan,
            box = new[] { s.InSnapshot.X, s.InSnapshot.Y, s.InSnapshot.Width, s.InSnapshot.Height },
        }),
    });
}
