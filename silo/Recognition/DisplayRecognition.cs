using SmartStore.Models;
using SmartStore.Silo.Analysis;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Recognition;

/// <summary>
/// The display-recognition API's reading of one image against the SKU gallery: per slot when a layout is given, else
/// the whole image's best matches.
/// </summary>
public sealed class DisplayRecognition(SkuGallery gallery) : IDisposable
{
    private readonly JpegIntake _intake = new();
    private readonly ProductEmbedder _embedder = new(ModelStore.Locate());
    private SlotReader? _reader;

    public async Task<ShelfInImage> Read(byte[] jpeg, IReadOnlyList<PlanogramSlot>? layout, CancellationToken cancellationToken)
    {
        using var frame = _intake.Decode(jpeg);
        // An integrator who just uploaded a SKU photo expects the next call to know it: the photo version is checked every call.
        ShelfGallery? current;
        try
        {
            current = await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellationToken);
        }
        catch (SkuGalleryUnavailable e)
        {
            // The integrator is told when to call again, not handed a server error.
            return new ShelfInImage(frame.Width, frame.Height, null, null, false, e.RetryUtc);
        }
        if (current is null) return new ShelfInImage(frame.Width, frame.Height, null, null, NoGallery: true);
        if (_reader?.Gallery != current) _reader = new SlotReader(_embedder, current);
        var reader = _reader;
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
