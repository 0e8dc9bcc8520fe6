using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SmartStore.Models;
using SmartStore.Silo.Analysis;
using SmartStore.Silo.Recognition;
using SmartStore.Storage;
using SmartStore.Testing;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Shelves;

namespace SmartStore.Integration.Tests;

/// <summary>
/// The silo's SKU gallery on real PostgreSQL and real product photos: each photo is embedded once, a change of photos
/// rebuilds the gallery from the kept embeddings, and a reader that may be stale is not held up by the rebuild.
/// </summary>
public sealed class SkuGalleryTests
{
    private static readonly string Packages = Path.Combine(SharedData.Shared, "data", "grocery-store", "images", "train", "Packages");

    [Fact]
    public async Task A_new_photo_is_embedded_alone_and_a_stale_reader_keeps_the_previous_gallery_meanwhile()
    {
        await using var db = await TestDatabase.Create();
        var skus = new SkuRepository(db.Database);
        await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 1, 2);
        await AddSku(skus, "Juice/God-Morgon-Orange-Juice", "God-Morgon-Orange-Juice", 1, 2);
        await using var gallery = new SkuGallery(skus, NullLogger<SkuGallery>.Instance);
        var cancellation = CancellationToken.None;

        var first = await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation);
        Assert.Equal(4, first?.Photos);
        Assert.Equal(4, gallery.PhotosEmbedded);

        var added = (await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 3, 3, create: false))[0];
        // Shelf analysis reads on at once; the check it starts finds the new photo in the background.
        Assert.Same(first, await gallery.Current(TimeSpan.Zero, waitForChanges: false, cancellation));
        var withNew = await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation);
        Assert.NotSame(first, withNew);
        Assert.Equal(5, withNew?.Photos);
        Assert.Equal(5, gallery.PhotosEmbedded); // only the new photo went through the network

        Assert.True(await skus.DeletePhoto("Arla-Standard-Milk", added, "test"));
        var afterDelete = await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation);
        Assert.Equal(4, afterDelete?.Photos);
        Assert.Equal(5, gallery.PhotosEmbedded);
        // A check within maxAge reuses the gallery without asking the database.
        Assert.Same(afterDelete, await gallery.Current(TimeSpan.FromMinutes(1), waitForChanges: true, cancellation));
    }

    [Fact]
    public async Task A_silo_that_starts_again_reads_the_embeddings_back_and_embeds_only_what_it_cannot_read()
    {
        await using var db = await TestDatabase.Create();
        var skus = new SkuRepository(db.Database);
        await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 1, 2);
        var juice = await AddSku(skus, "Juice/God-Morgon-Orange-Juice", "God-Morgon-Orange-Juice", 1, 2);
        var cancellation = CancellationToken.None;
        ShelfGallery? before;
        await using (var firstRun = new SkuGallery(skus, NullLogger<SkuGallery>.Instance))
            before = await firstRun.Current(TimeSpan.Zero, waitForChanges: true, cancellation);

        await using var secondRun = new SkuGallery(skus, NullLogger<SkuGallery>.Instance);
        var after = await secondRun.Current(TimeSpan.Zero, waitForChanges: true, cancellation);
        Assert.Equal((0, 4), (secondRun.PhotosEmbedded, secondRun.PhotosRestored));
        // The same views learn the same gallery: thresholds computed from every photo's views come out identical.
        Assert.Equal(before!.UnknownBelow, after!.UnknownBelow);
        Assert.Equal(before.EmptyEdgeBelow, after.EmptyEdgeBelow);

        // A row made under another recipe (an older model) and a damaged row are embedded again: the old row is dropped,
        // the damaged one replaced, so the run after reads all four back.
        await using (var connection = await db.Database.Open())
        {
            await connection.ExecuteAsync("UPDATE sku_photo_embeddings SET recipe = 'older model' WHERE photo_id = @id",
                new { id = juice[0] });
            await connection.ExecuteAsync("UPDATE sku_photo_embeddings SET views = '\\x0102'::bytea WHERE photo_id = @id",
                new { id = juice[1] });
        }
        await using var thirdRun = new SkuGallery(skus, NullLogger<SkuGallery>.Instance);
        Assert.Equal(4, (await thirdRun.Current(TimeSpan.Zero, waitForChanges: true, cancellation))?.Photos);
        Assert.Equal((2, 2), (thirdRun.PhotosEmbedded, thirdRun.PhotosRestored));
        await using (var connection = await db.Database.Open())
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM sku_photo_embeddings WHERE recipe = 'older model'"));
        await using var fourthRun = new SkuGallery(skus, NullLogger<SkuGallery>.Instance);
        await fourthRun.Current(TimeSpan.Zero, waitForChanges: true, cancellation);
        Assert.Equal((0, 4), (fourthRun.PhotosEmbedded, fourthRun.PhotosRestored));
    }

    [Fact]
    public async Task Its_status_shows_photos_not_yet_learned_and_asking_starts_the_rebuild()
    {
        await using var db = await TestDatabase.Create();
        var skus = new SkuRepository(db.Database);
        await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 1, 2);
        await using var gallery = new SkuGallery(skus, NullLogger<SkuGallery>.Instance);
        var cancellation = CancellationToken.None;

        var first = await gallery.Status(cancellation);
        Assert.Equal((0, true, null), (first.Photos, first.Learning, first.LearnedUtc));
        // Nobody asked for the gallery itself: the status call started the build.
        var learned = await Eventually.Get(() => gallery.Status(cancellation), s => !s.Learning,
            TimeSpan.FromSeconds(90), "the first build");
        Assert.Equal((2, 1), (learned.Photos, learned.Skus));
        Assert.NotNull(learned.LearnedUtc);

        await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 3, 3, create: false);
        var afterUpload = await gallery.Status(cancellation);
        Assert.Equal((2, true), (afterUpload.Photos, afterUpload.Learning));
        var relearned = await Eventually.Get(() => gallery.Status(cancellation), s => !s.Learning, TimeSpan.FromSeconds(90), "the rebuild");
        Assert.Equal(3, relearned.Photos);
        Assert.Equal(3, gallery.PhotosEmbedded);
    }

    [Fact]
    public async Task A_photo_that_cannot_be_decoded_is_left_out_and_a_failing_rebuild_says_why_and_waits_before_the_next_try()
    {
        await using var db = await TestDatabase.Create();
        var skus = new SkuRepository(db.Database);
        await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 1, 2);
        await using (var connection = await db.Database.Open())
            await connection.ExecuteAsync("""
                INSERT INTO sku_photos (sku_code, sha256, content, width, height)
                VALUES ('Arla-Standard-Milk', repeat('0', 64), '\xffd8ffe000'::bytea, 348, 348)
                """);
        var clock = Morning();
        await using var gallery = new SkuGallery(skus, NullLogger<SkuGallery>.Instance, clock);
        var cancellation = CancellationToken.None;

        // The damaged row (a JPEG cut off after its first marker) is left out; shelf recognition works from the two good photos.
        Assert.Equal(2, (await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation))?.Photos);
        var ready = await gallery.Status(cancellation);
        Assert.Equal((2, false, null), (ready.Photos, ready.Learning, ready.Problem));

        // A rebuild that cannot read the kept embeddings fails; the status says so, and the gallery built before stays.
        await RenameEmbeddings(db, "sku_photo_embeddings", "sku_photo_embeddings_gone");
        await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 3, 3, create: false);
        var failed = await Eventually.Get(() => gallery.Status(cancellation), s => s.Problem is not null,
            TimeSpan.FromSeconds(60), "the failed rebuild");
        Assert.Contains("sku_photo_embeddings", failed.Problem);
        Assert.Equal((2, true), (failed.Photos, failed.Learning));
        Assert.Equal(clock.UtcNow.AddSeconds(15), failed.RetryUtc);

        // Until the retry is due, asking again tries nothing: shelf analysis reads the previous gallery at once.
        Assert.Equal(2, (await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation))?.Photos);
        Assert.Equal(failed, await gallery.Status(cancellation));
        // A retry that fails again waits twice as long; the caller waiting on it is served the gallery built before.
        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(2, (await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation))?.Photos);
        var failedAgain = await Eventually.Get(() => gallery.Status(cancellation), s => s.RetryUtc != failed.RetryUtc,
            TimeSpan.FromSeconds(60), "the second attempt");
        Assert.Equal(clock.UtcNow.AddSeconds(30), failedAgain.RetryUtc);

        // Repaired, the next due attempt succeeds and learns the photo added meanwhile.
        await RenameEmbeddings(db, "sku_photo_embeddings_gone", "sku_photo_embeddings");
        clock.Advance(TimeSpan.FromSeconds(31));
        var recovered = await Eventually.Get(() => gallery.Status(cancellation), s => s.Problem is null && !s.Learning,
            TimeSpan.FromSeconds(60), "the repaired rebuild");
        Assert.Equal((3, null), (recovered.Photos, recovered.RetryUtc));
        // The damaged photo was decoded once, not again by each rebuild.
        Assert.Equal(1, gallery.PhotosRefused);
    }

    [Fact]
    public async Task A_first_build_that_fails_is_not_tried_again_by_every_reader_before_its_retry_is_due()
    {
        await using var db = await TestDatabase.Create();
        var skus = await TwoPhotosWithTheirEmbeddingsTableGone(db);
        var clock = Morning();
        await using var gallery = new SkuGallery(skus, NullLogger<SkuGallery>.Instance, clock);
        var cancellation = CancellationToken.None;

        // The first build fails: the caller whose call started it is told as every later caller is, with the database's
        // reason and the time of the next attempt (not the raw database error, which the analysis queue would count as
        // a failure of the snapshot that happened to start the attempt).
        var first = await Assert.ThrowsAsync<SkuGalleryUnavailable>(() => gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation));
        Assert.Contains("sku_photo_embeddings", first.Message);
        Assert.Equal(clock.UtcNow.AddSeconds(15), first.RetryUtc);

        // Repaired at once, but the next attempt is not due: readers are told at once, and nothing is tried (a try would succeed).
        await RenameEmbeddings(db, "sku_photo_embeddings_gone", "sku_photo_embeddings");
        var unavailable = await Assert.ThrowsAsync<SkuGalleryUnavailable>(() => gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation));
        Assert.Equal(clock.UtcNow.AddSeconds(15), unavailable.RetryUtc);
        Assert.Contains("sku_photo_embeddings", unavailable.Message);
        await Assert.ThrowsAsync<SkuGalleryUnavailable>(() => gallery.Current(TimeSpan.FromMinutes(1), waitForChanges: false, cancellation));

        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(2, (await gallery.Current(TimeSpan.Zero, waitForChanges: true, cancellation))?.Photos);
    }

    [Fact]
    public async Task The_display_API_told_the_gallery_cannot_be_built_says_when_to_call_again()
    {
        await using var db = await TestDatabase.Create();
        var skus = await TwoPhotosWithTheirEmbeddingsTableGone(db);
        var clock = Morning();
        await using var gallery = new SkuGallery(skus, NullLogger<SkuGallery>.Instance, clock);
        using var recognition = new DisplayRecognition(gallery);
        var jpeg = await File.ReadAllBytesAsync(Path.Combine(Packages, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk_003.jpg"));

        var read = await recognition.Read(jpeg, null, CancellationToken.None);

        Assert.Equal((clock.UtcNow.AddSeconds(15), false, null, null), (read.GalleryRetryUtc, read.NoGallery, read.Slots, read.Matches));
    }

    /// <summary>A SKU master of one SKU with two photos, whose kept-embeddings table is renamed away: no gallery can be built.</summary>
    private static async Task<SkuRepository> TwoPhotosWithTheirEmbeddingsTableGone(TestDatabase db)
    {
        var skus = new SkuRepository(db.Database);
        await AddSku(skus, "Milk/Arla-Standard-Milk", "Arla-Standard-Milk", 1, 2);
        await RenameEmbeddings(db, "sku_photo_embeddings", "sku_photo_embeddings_gone");
        return skus;
    }

    private static ManualClock Morning() => new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    private static async Task RenameEmbeddings(TestDatabase db, string from, string to)
    {
        await using var connection = await db.Database.Open();
        await connection.ExecuteAsync($"ALTER TABLE {from} RENAME TO {to}");
    }

    private static async Task<List<long>> AddSku(SkuRepository skus, string folder, string code, int from, int to, bool create = true)
    {
        if (create) await skus.Create(new Sku(code, code.Replace('-', ' '), "Arla", "dairy", false), "test");
        var ids = new List<long>();
        for (int n = from; n <= to; n++)
        {
            var jpeg = await File.ReadAllBytesAsync(Path.Combine(Packages, folder, $"{code}_{n:000}.jpg"));
            var (width, height) = new JpegIntake().Inspect(jpeg);
            ids.Add((await skus.AddPhoto(code, jpeg, width, height, "test")).Id);
        }
        return ids;
    }
}
