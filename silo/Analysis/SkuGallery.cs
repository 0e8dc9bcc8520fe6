using System.Data.Common;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// The SKU master's reference photos enrolled as one gallery per silo, shared by shelf analysis and the
/// display-recognition API. Built again when photos are added or removed; callers say how stale a check may be.
/// Each photo is embedded once (21 network passes, about 0.05 s) and kept by its id — photos never change in place, a
/// crop is a new photo — so a change costs the new photos plus the gallery's learning, not every photo again
/// (405 photos: about 19 s to embed, seconds to learn). Embeddings are also kept in the database, so a silo that starts
/// again reads them back instead of embedding the whole SKU master. Shelf analysis keeps reading the previous gallery
/// while a new one is built; a caller that must see the latest photos waits. Null while no SKU has a photo. A gallery is
/// read-only once built, so any thread may read it. A rebuild that fails is tried again after a wait that doubles with
/// each failure (15 s up to 10 min), not at every shelf snapshot or page view: while the database is down or broken,
/// the previous gallery serves (or, if none was ever built, <see cref="SkuGalleryUnavailable"/> is thrown at once) and the
/// log gets one error per attempt.
/// </summary>
public sealed class SkuGallery(SkuRepository skus, ILogger<SkuGallery> logger, TimeProvider? clock = null) : IAsyncDisposable
{
    // Photo contents fetched per query: bounded memory for a large SKU master.
    private const int ContentBatch = 100;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15), LongestRetry = TimeSpan.FromMinutes(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly JpegIntake _intake = new();
    private Dictionary<long, EnrolledPhoto> _embedded = [];
    private readonly HashSet<long> _refused = [];
    private ProductEmbedder? _embedder;
    private Task? _refresh;
    private (long Count, long MaxId) _version = (-1, -1);
    private DateTime _checkStartedUtc = DateTime.MinValue;
    private ShelfGallery? _gallery;
    private DateTime? _learnedUtc;
    private string? _problem;   // why the last rebuild failed, until one succeeds
    private int _failures;      // rebuilds failed in a row
    private DateTime _retryUtc = DateTime.MinValue;
    private bool _otherRecipesForgotten;

    /// <summary>Photos embedded since the silo started: each photo once, however often the gallery is rebuilt.</summary>
    public int PhotosEmbedded { get; private set; }

    /// <summary>
    /// Photos left out since the silo started because they cannot be decoded. Photos never change in place, so each is
    /// tried once: later rebuilds leave it out without fetching and decoding it again.
    /// </summary>
    public int PhotosRefused { get; private set; }

    /// <summary>Photos whose embedding was read back from the database (kept by an earlier run) instead of embedded.</summary>
    public int PhotosRestored { get; private set; }

    /// <summary>
    /// The gallery as of a photo check started at most <paramref name="maxAge"/> ago. With
    /// <paramref name="waitForChanges"/> false, a caller that already had a gallery gets it at once while a newer one is
    /// built in the background; otherwise it waits for a check started after its call, and any rebuild that check needs.
    /// </summary>
    public async Task<ShelfGallery?> Current(TimeSpan maxAge, bool waitForChanges, CancellationToken cancellationToken)
    {
        var asked = Now;
        while (true)
        {
            Task refresh;
            lock (_gate)
            {
                var built = _version.Count >= 0;
                if (built && (_checkStartedUtc >= asked - maxAge || WaitingToRetry)) return _gallery;
                if (!built && WaitingToRetry) throw new SkuGalleryUnavailable(_problem!, _retryUtc);
                refresh = _refresh ??= StartRefresh();
                if (built && !waitForChanges) return _gallery;
            }
            try
            {
                await refresh.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && FailureRecorded())
            {
                // The loop answers from the failure the refresh recorded before it completed: the previous gallery, or
                // SkuGalleryUnavailable when there never was one. So the caller whose call started the attempt hears what
                // every other caller hears until the next attempt — a shelf snapshot that happens to start each retry is
                // not charged with the database's failure every time.
            }
        }
    }

    private bool FailureRecorded()
    {
        lock (_gate) return WaitingToRetry;
    }

    /// <summary>
    /// What the gallery holds now, whether the database has photos it has not learned yet (added or removed since its
    /// build: then a rebuild is started in the background, and the answer does not wait for it), and why the last
    /// rebuild failed, if it did, and when it is tried again.
    /// </summary>
    public async Task<SkuGalleryStatus> Status(CancellationToken cancellationToken)
    {
        var stored = await skus.PhotoVersion(cancellationToken);
        lock (_gate)
        {
            var behind = stored != _version;
            if (behind && !WaitingToRetry) _refresh ??= StartRefresh();
            return new SkuGalleryStatus(_gallery?.Photos ?? 0, _gallery?.Skus.Count() ?? 0, _learnedUtc, behind, _problem,
                _problem is null ? null : _retryUtc);
        }
    }

    private Task StartRefresh()
    {
        // Shared by every caller, so no caller's cancellation may stop it. A failure is recorded and logged in Refresh and
        // thrown to those waiting; a refresh nobody waits for (started by Status) has its exception observed here.
        var refresh = Task.Run(() => Refresh(_disposed.Token));
        refresh.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return refresh;
    }

    private async Task Refresh(CancellationToken cancellationToken)
    {
        try
        {
            var started = Now;
            var version = await skus.PhotoVersion(cancellationToken);
            if (version != _version)
            {
                var gallery = await Rebuild(cancellationToken);
                lock (_gate) (_gallery, _version, _learnedUtc, _problem, _failures) = (gallery, version, Now, null, 0);
            }
            lock (_gate) _checkStartedUtc = started;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Recorded before the task completes, so a caller that wakes up on the failure already sees the wait.
            RecordFailure(e);
            throw;
        }
        finally
        {
            lock (_gate) _refresh = null;
        }
    }

    private void RecordFailure(Exception e)
    {
        lock (_gate)
        {
            _problem = e.GetBaseException().Message;
            _failures++;
            var wait = RetryWait(_failures);
            _retryUtc = Now + wait;
            logger.LogError(e, "SKU gallery: reading the SKU photos failed ({Failures} in a row); the previous gallery stays in use, next attempt in {Wait}",
                _failures, wait);
        }
    }

    /// <summary>
    /// Reads or embeds the photos it does not hold yet, forgets removed ones, and learns a new gallery from all of them.
    /// </summary>
    private async Task<ShelfGallery?> Rebuild(CancellationToken cancellationToken)
    {
        var index = await skus.PhotoIndex(cancellationToken);
        // A refused photo removed from the master is forgotten with it.
        _refused.IntersectWith(index.Select(p => p.Id));
        var missing = index.Where(p => !_embedded.ContainsKey(p.Id) && !_refused.Contains(p.Id)).Select(p => p.Id).ToList();
        int restored = 0, embedded = 0;
        foreach (var batch in missing.Chunk(ContentBatch))
        {
            restored += await Restore(batch, cancellationToken);
            embedded += await EmbedAndKeep(batch.Where(id => !_embedded.ContainsKey(id)).ToList(), cancellationToken);
            if (missing.Count > ContentBatch)
                logger.LogInformation("SKU gallery: {Done} of {Missing} photos read ({Embedded} through the network)",
                    restored + embedded, missing.Count, embedded);
        }
        await ForgetOtherRecipesOnce(cancellationToken);
        // Removed photos are forgotten; one deleted between the index and its content is left out until the next check.
        var kept = new Dictionary<long, EnrolledPhoto>();
        var photos = new List<EnrolledPhoto>();
        foreach (var entry in index)
        {
            if (!_embedded.TryGetValue(entry.Id, out var photo)) continue;
            kept[entry.Id] = photo;
            photos.Add(photo);
        }
        _embedded = kept;
        logger.LogInformation("SKU gallery: {Photos} photos of {Skus} SKUs, {New} embedded now, {Restored} read back from the database",
            photos.Count, photos.Select(p => p.Sku).Distinct().Count(), embedded, restored);
        return photos.Count == 0 ? null : ShelfGallery.Build(photos);
    }

    /// <summary>Takes the embeddings kept for these photos under this silo's recipe (after a restart: most of them).</summary>
    private async Task<int> Restore(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        int restored = 0;
        foreach (var stored in await skus.StoredEmbeddings(ids, EnrolledPhoto.Recipe, cancellationToken))
        {
            // A damaged row is embedded again, and the new embedding replaces it.
            if (EnrolledPhoto.FromViewBytes(stored.SkuCode, stored.Views, stored.EdgeEnergy) is not { } photo) continue;
            _embedded[stored.Id] = photo;
            restored++;
        }
        PhotosRestored += restored;
        return restored;
    }

    /// <summary>Runs the network on photos nobody embedded under this recipe, and keeps the result for the next start.</summary>
    private async Task<int> EmbedAndKeep(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return 0;
        _embedder ??= new ProductEmbedder(ModelStore.Locate());
        var made = new List<SkuRepository.StoredEmbedding>();
        foreach (var photo in await skus.PhotoContents(ids, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            EnrolledPhoto enrolled;
            try
            {
                enrolled = ShelfGallery.Embed(_embedder, new SkuPhoto(photo.SkuCode, photo.Content), _intake);
            }
            catch (ImageRejectedException e)
            {
                // One damaged photo must not stop shelf recognition: the gallery is built from the others.
                logger.LogWarning("SKU gallery: photo {Id} of {Sku} left out, it cannot be decoded ({Reason}: {Detail})",
                    photo.Id, photo.SkuCode, e.Reason, e.Message);
                _refused.Add(photo.Id);
                PhotosRefused++;
                continue;
            }
            _embedded[photo.Id] = enrolled;
            PhotosEmbedded++;
            made.Add(new SkuRepository.StoredEmbedding(photo.Id, photo.SkuCode, enrolled.ViewBytes(), enrolled.EdgeEnergy));
        }
        try
        {
            await skus.KeepEmbeddings(made, EnrolledPhoto.Recipe, cancellationToken);
        }
        catch (DbException e)
        {
            // The gallery works without them; they cost a network pass each at the next start.
            logger.LogWarning(e, "SKU gallery: keeping {Count} embeddings in the database failed; they are held in memory only",
                made.Count);
        }
        return made.Count;
    }

    /// <summary>
    /// Rows of another recipe belong to an older model or view set: no silo of this version can read them. (During a
    /// rolling upgrade a silo of the old version would embed its photos again after a restart; nothing is lost.)
    /// </summary>
    private async Task ForgetOtherRecipesOnce(CancellationToken cancellationToken)
    {
        if (_otherRecipesForgotten) return;
        var forgotten = await skus.ForgetEmbeddingsOtherThan(EnrolledPhoto.Recipe, cancellationToken);
        if (forgotten > 0) logger.LogInformation("SKU gallery: {Count} embeddings of an earlier recipe dropped", forgotten);
        _otherRecipesForgotten = true;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>15 s after the first failure, doubling with each one after it, at most 10 min.</summary>
    private static TimeSpan RetryWait(int failuresInARow) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(failuresInARow - 1, 20)));

    /// <summary>A rebuild failed and its next attempt is not due yet (under the gate).</summary>
    private bool WaitingToRetry => _problem is not null && Now < _retryUtc;

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        Task? refresh;
        lock (_gate) refresh = _refresh;
        // The embedder's session must outlive a rebuild still running (it stops at the next photo).
        if (refresh is not null) await refresh.ContinueWith(_ => { }, TaskScheduler.Default);
        _embedder?.Dispose();
        _disposed.Dispose();
    }
}
