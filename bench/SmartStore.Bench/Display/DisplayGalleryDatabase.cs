using Dapper;
using SmartStore.Bench.Ingest;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Shelves;

namespace SmartStore.Bench.Display;

/// <summary>
/// The SKU gallery through the product path: each class becomes a SKU of the SKU master in the benchmark database
/// (<c>SMARTSTORE_BENCH_PG</c>, recreated by <c>./smartstore bench display-accuracy</c>), its enrolment photos go into
/// <c>sku_photos</c> with the API's JPEG check, and the gallery is read back as the silo's shelf analysis reads it.
/// </summary>
public static class DisplayGalleryDatabase
{
    public static async Task<IReadOnlyList<SkuRepository.GalleryPhoto>> RoundTrip(IReadOnlyList<SkuPhoto> enrolment, CancellationToken cancellation)
    {
        await using var database = new SmartStoreDatabase(IngestDatabase.ConnectionString());
        await new SchemaMigrator(database, m => Progress.Say($"  {m}")).Migrate(cancellation);
        await using (var connection = await database.Open(cancellation))
            await connection.ExecuteAsync("DELETE FROM sku_photos; DELETE FROM skus");
        var skus = new SkuRepository(database);
        var intake = new JpegIntake();
        foreach (var sku in enrolment.Select(p => p.Sku).Distinct())
            await skus.Create(new Sku(sku, sku.Replace('-', ' '), "grocery-store", "bench", false), "bench");
        foreach (var photo in enrolment)
        {
            var (width, height) = intake.Inspect(photo.Jpeg);
            await skus.AddPhoto(photo.Sku, photo.Jpeg, width, height, "bench");
        }
        var index = await skus.PhotoIndex(cancellation);
        var stored = await skus.PhotoContents(index.Select(p => p.Id).ToList(), cancellation);
        Progress.Say($"gallery: {stored.Count} photos of {stored.Select(p => p.SkuCode).Distinct().Count()} SKUs stored in and read back from sku_photos");
        return stored;
    }

    /// <summary>
    /// What a silo that starts again does with a gallery already embedded: the embeddings are kept in
    /// <c>sku_photo_embeddings</c>, then read back and the gallery learnt from them (timed) — no network pass.
    /// </summary>
    public static async Task<(ShelfGallery Gallery, double Seconds)> Restart(IReadOnlyList<SkuRepository.GalleryPhoto> stored,
        IReadOnlyList<EnrolledPhoto> embedded, CancellationToken cancellation)
    {
        await using var database = new SmartStoreDatabase(IngestDatabase.ConnectionString());
        var skus = new SkuRepository(database);
        await skus.KeepEmbeddings(stored.Zip(embedded, (p, e) => new SkuRepository.StoredEmbedding(p.Id, p.SkuCode, e.ViewBytes(), e.EdgeEnergy)).ToList(),
            EnrolledPhoto.Recipe, cancellation);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var read = new List<EnrolledPhoto>();
        foreach (var batch in stored.Select(p => p.Id).Chunk(100))
            foreach (var row in await skus.StoredEmbeddings(batch, EnrolledPhoto.Recipe, cancellation))
                read.Add(EnrolledPhoto.FromViewBytes(row.SkuCode, row.Views, row.EdgeEnergy)
                    ?? throw new InvalidDataException($"photo {row.Id}: stored embedding unreadable"));
        var gallery = ShelfGallery.Build(read);
        return (gallery, sw.Elapsed.TotalSeconds);
    }
}
