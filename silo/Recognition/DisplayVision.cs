using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Recognition;

/// <summary>
/// Product recognition of one image, on request: the SKU gallery from the SKU master's photos (re-enrolled when they
/// change), slots read against it, or the whole image's best matches without a layout.
/// </summary>
public sealed class DisplayVision(SkuRepository skus) : IDisposable
{
    private readonly JpegIntake _intake = new();
    private ProductEmbedder? _embedder;
    private SlotReader? _reader;
    private (long Count, long MaxId) _version = (-1, -1);

    public async Task<ShelfInImage> Read(byte[] jpeg, IReadOnlyList<PlanogramSlot>? layout, CancellationToken cancellationToken)
    {
        using var frame = _intake.Decode(jpeg);
        if (await Reader(cancellationToken) is not { } reader) return new ShelfInImage(frame.Width, frame.Height, null, null, NoGallery: true);
        if (layout is null || layout.Count == 0)
        {
            var whole = reader.ReadWhole(frame.Bitmap).Select(m => new SkuMatch(m.Sku, m.Similarity, m.Confidence)).ToList();
            return new ShelfInImage(frame.Width, frame.Height, null, whole, false);
        }
        var slots = layout.Select(s => reader.ReadCrop(frame.Bitmap, new SlotRect(s.X, s.Y, s.Width, s.Height), s.SlotId, s.PlannedSku))
            .Select(r => new SlotResult(r.SlotId, r.PlannedSku, r.Outcome.ToString().ToLowerInvariant(), r.Sku, r.Confidence, r.MatchesPlan)).ToList();
        return new ShelfInImage(frame.Width, frame.Height, slots, null, false);
    }

    private async Task<SlotReader?> Reader(CancellationToken cancellationToken)
    {
        var version = await skus.PhotoVersion(cancellationToken);
        if (version == _version) return _reader;
        var photos = await skus.AllPhotos(cancellationToken);
        _embedder ??= new ProductEmbedder(ModelStore.Locate());
        _reader = photos.Count == 0 ? null
            : new SlotReader(_embedder, ShelfGallery.Enrol(_embedder, photos.Select(p => new SkuPhoto(p.SkuCode, p.Content)), intake: _intake, cancellation: cancellationToken));
        // Recorded only once the gallery is built, so a failed load is tried again on the next request.
        _version = version;
        return _reader;
    }

    public void Dispose() => _embedder?.Dispose();
}
