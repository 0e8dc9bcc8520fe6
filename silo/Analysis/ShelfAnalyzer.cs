using System.Collections.Concurrent;
using SkiaSharp;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// Reads the slots of a shelf-camera snapshot: align it to its preset's reference photo, crop each slot of the
/// planogram, classify it against the SKU gallery (photos from the SKU master in PostgreSQL) as a SKU, unknown or
/// empty. The silo's shared gallery is rebuilt when SKU photos change (checked once a minute; slots are read against
/// the previous gallery meanwhile). One instance per
/// worker (the embedder is single-threaded).
/// </summary>
public sealed class ShelfAnalyzer(SkuGallery gallery, PlanogramRepository planograms, ModelStore models) : IDisposable
{
    private static readonly TimeSpan GalleryCheckEvery = TimeSpan.FromMinutes(1);
    private readonly JpegIntake _intake = new();
    private readonly ProductEmbedder _embedder = new(models);
    private readonly ConcurrentDictionary<(string Camera, int Preset), (DateTime Version, PresetReference Reference)> _references = new();
    private SlotReader? _reader;

    public sealed record Result(PresetPlanogram? Planogram, ShelfReading? Reading);

    /// <summary>Reads the snapshot's slots; without a planogram or SKU photos there is nothing to read, and the image is not even decoded.</summary>
    public async Task<Result> Analyse(string cameraCode, int? preset, string path, CancellationToken cancellationToken)
    {
        var planogram = preset is { } p ? await planograms.Find(cameraCode, p, cancellationToken) : null;
        if (planogram is null || planogram.Slots.Count == 0) return new Result(planogram, null);
        if (await gallery.Current(GalleryCheckEvery, waitForChanges: false, cancellationToken) is not { } current) return new Result(planogram, null);
        if (_reader?.Gallery != current) _reader = new SlotReader(_embedder, current);
        var reader = _reader;
        var reference = await ReferenceOf(planogram, cancellationToken);
        var plan = new Planogram(planogram.ReferenceWidth, planogram.ReferenceHeight,
            planogram.Slots.Select(s => new ShelfSlot(s.SlotId, s.PlannedSku, new SlotRect(s.X, s.Y, s.Width, s.Height))).ToList());
        using var frame = await _intake.DecodeFileAsync(path, cancellationToken);
        return new Result(planogram, reader.Read(frame.Bitmap, reference, plan));
    }

    /// <summary>The store-level observations of a reading: out-of-view slots are not observations; an unreliable alignment is not trusted.</summary>
    public static IReadOnlyList<SlotObservation> Observations(string cameraCode, int preset, long snapshotId, DateTime capturedUtc, ShelfReading reading) =>
        reading.Slots.Where(s => s.Outcome != SlotOutcome.OutOfView).Select(s => new SlotObservation(s.SlotId, cameraCode, preset, snapshotId, capturedUtc,
            s.Outcome switch { SlotOutcome.Sku => SlotState.Sku, SlotOutcome.Empty => SlotState.Empty, _ => SlotState.Unknown },
            s.Sku, reading.Alignment.Reliable ? s.Confidence : 0f)).ToList();

    private async Task<PresetReference> ReferenceOf(PresetPlanogram planogram, CancellationToken cancellationToken)
    {
        var key = (planogram.CameraCode, planogram.Preset);
        if (_references.TryGetValue(key, out var cached) && cached.Version == planogram.UpdatedAt) return cached.Reference;
        var jpeg = await planograms.Reference(planogram.CameraCode, planogram.Preset, cancellationToken)
                   ?? throw new InvalidOperationException($"Planogram {planogram.CameraCode}/P{planogram.Preset} has no reference photo.");
        using var decoded = _intake.Decode(jpeg);
        var reference = PresetReference.Of(decoded.Bitmap);
        _references[key] = (planogram.UpdatedAt, reference);
        return reference;
    }

    public void Dispose() => _embedder.Dispose();
}
