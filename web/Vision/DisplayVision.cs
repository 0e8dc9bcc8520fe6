using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Web.Vision;

/// <summary>
/// Product recognition for the display-recognition API: the SKU gallery from the SKU master's photos (re-enrolled
/// when they change), slots read against it. One request at a time, as for <see cref="PeopleVision"/>.
/// </summary>
public sealed class DisplayVision(SkuRepository skus) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly JpegIntake _intake = new();
    private ProductEmbedder? _embedder;
    private SlotReader? _reader;
    private (long Count, long MaxId) _version = (-1, -1);

    /// <summary>Reads the given slots (pixels of this image), or the whole image's best matches when there are none. Null when no SKU has a photo.</summary>
    public async Task<(IReadOnlyList<SlotReading>? Slots, IReadOnlyList<WholeImageMatch>? Whole, int Width, int Height)?> Read(
        byte[] jpeg, IReadOnlyList<ShelfSlot>? layout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await Reader(cancellationToken) is not { } reader) return null;
            using var frame = _intake.Decode(jpeg);
            if (layout is null || layout.Count == 0) return (null, reader.ReadWhole(frame.Bitmap), frame.Width, frame.Height);
            var slots = layout.Select(s => reader.ReadCrop(frame.Bitmap, s.Rect, s.SlotId, s.PlannedSku)).ToList();
            return (slots, null, frame.Width, frame.Height);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SlotReader?> Reader(CancellationToken cancellationToken)
    {
        var version = await skus.PhotoVersion(cancellationToken);
        if (version == _version) return _reader;
        _version = version;
        var photos = await skus.AllPhotos(cancellationToken);
        if (photos.Count == 0) return _reader = null;
        _embedder ??= new ProductEmbedder(ModelStore.Locate());
        var gallery = ShelfGallery.Enrol(_embedder, photos.Select(p => new SkuPhoto(p.SkuCode, p.Content)), intake: _intake, cancellation: cancellationToken);
        return _reader = new SlotReader(_embedder, gallery);
    }

    public void Dispose()
    {
        _embedder?.Dispose();
        _gate.Dispose();
    }
}
