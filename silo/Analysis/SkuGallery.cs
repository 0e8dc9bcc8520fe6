using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// The SKU master's reference photos enrolled as one gallery per silo, shared by shelf analysis and the
/// display-recognition API (enrolment embeds every photo and learns the whitening: about 35 s for 405 photos, so it is
/// done once, not per user). Enrolled again when photos are added or removed; callers say how stale a check may be.
/// Null while no SKU has a photo. The gallery itself is read-only once built, so any thread may read it.
/// </summary>
public sealed class SkuGallery(SkuRepository skus) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly JpegIntake _intake = new();
    private ProductEmbedder? _embedder;
    private (long Count, long MaxId) _version = (-1, -1);
    private DateTime _checkedUtc = DateTime.MinValue;
    private ShelfGallery? _gallery;

    /// <summary>The current gallery, checking the photo version when the last check is older than <paramref name="maxAge"/>.</summary>
    public async Task<ShelfGallery?> Current(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (DateTime.UtcNow - _checkedUtc < maxAge) return _gallery;
            var version = await skus.PhotoVersion(cancellationToken);
            if (version != _version)
            {
                var photos = await skus.AllPhotos(cancellationToken);
                _embedder ??= new ProductEmbedder(ModelStore.Locate());
                var embedder = _embedder;
                // Seconds of CPU: on the thread pool, not on the caller's (a grain's) scheduler turn.
                _gallery = photos.Count == 0 ? null
                    : await Task.Run(() => ShelfGallery.Enrol(embedder, photos.Select(p => new SkuPhoto(p.SkuCode, p.Content)), intake: _intake, cancellation: cancellationToken), cancellationToken);
                // Recorded only once the gallery is built, so a failed load is tried again next time.
                _version = version;
            }
            _checkedUtc = DateTime.UtcNow;
            return _gallery;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        _embedder?.Dispose();
        _building.Dispose();
    }
}
