using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// The SKU master's reference photos as a slot reader, enrolled once and again whenever photos are added or removed
/// (checked at most every <paramref name="checkEvery"/>: shelf analysis asks on every snapshot). Null while no SKU has
/// a photo. Used by one thread at a time, like the embedder it holds.
/// </summary>
public sealed class SkuGallery(SkuRepository skus, ProductEmbedder embedder, TimeSpan checkEvery)
{
    private readonly JpegIntake _intake = new();
    private (long Count, long MaxId) _version = (-1, -1);
    private DateTime _checkedUtc = DateTime.MinValue;
    private SlotReader? _reader;

    public async Task<SlotReader?> Reader(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow - _checkedUtc < checkEvery) return _reader;
        var version = await skus.PhotoVersion(cancellationToken);
        if (version != _version)
        {
            var photos = await skus.AllPhotos(cancellationToken);
            _reader = photos.Count == 0 ? null
                : new SlotReader(embedder, ShelfGallery.Enrol(embedder, photos.Select(p => new SkuPhoto(p.SkuCode, p.Content)), intake: _intake, cancellation: cancellationToken));
            // Recorded only once the gallery is built, so a failed load is tried again next time.
            _version = version;
        }
        _checkedUtc = DateTime.UtcNow;
        return _reader;
    }
}
