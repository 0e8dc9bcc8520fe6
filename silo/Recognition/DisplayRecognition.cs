using SmartStore.Models;
using SmartStore.Silo.Analysis;
using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Recognition;

/// <summary>
/// The display-recognition API's reading of one image against the SKU gallery: per slot when a layout is given, else
/// the whole image's best matches.
/// </summary>
public sealed class DisplayRecognition : IDisposable
{
    private readonly JpegIntake _intake = new();
    private readonly ProductEmbedder _embedder = new(ModelStore.Locate());
    private readonly SkuGallery _gallery;

    public DisplayRecognition(SkuRepository skus) => _gallery = new SkuGallery(skus, _embedder, TimeSpan.Zero);

    public async Task<ShelfInImage> Read(byte[] jpeg, IReadOnlyList<PlanogramSlot>? layout, CancellationToken cancellationToken)
    {
        using var frame = _intake.Decode(jpeg);
        if (await _gallery.Reader(cancellationToken) is not { } reader) return new ShelfInImage(frame.Width, frame.Height, null, null, NoGallery: true);
        if (layout is null || layout.Count == 0)
        {
            var whole = reader.ReadWhole(frame.Bitmap).Select(m => new SkuMatch(m.Sku, m.Similarity, m.Confidence)).ToList();
            return new ShelfInImage(frame.Width, frame.Height, null, whole, false);
        }
        var slots = layout.Select(s => reader.ReadCrop(frame.Bitmap, new SlotRect(s.X, s.Y, s.Width, s.Height), s.SlotId, s.PlannedSku))
            .Select(r => new SlotResult(r.SlotId, r.PlannedSku, r.Outcome.ToString().ToLowerInvariant(), r.Sku, r.Confidence, r.MatchesPlan)).ToList();
        return new ShelfInImage(frame.Width, frame.Height, slots, null, false);
    }

    public void Dispose() => _embedder.Dispose();
}
