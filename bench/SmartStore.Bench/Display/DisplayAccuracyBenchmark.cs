using System.Globalization;
using SkiaSharp;
using SmartStore.Bench.Data;
using SmartStore.Vision;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;

namespace SmartStore.Bench.Display;

/// <summary>
/// Shelf-display recognition through the slot path (SlotReader: preset alignment → slot crops → SKU / Unknown / Empty) on
/// grocery-store, with vision-accuracy's enrolment protocol: gallery = each class's first K (= 5) photos by file name,
/// queries = the rest.
///
/// Layout (synthetic, because grocery-store has one product per photo and no boxes): the queries, in a fixed shuffled
/// order, fill the slots of shelf canvases — <c>rows × cols</c> slots of 300×300 px on a back panel with dark shelf boards
/// between rows; each photo is scaled to fit its slot keeping its aspect ratio (348×464 photos leave panel visible at the
/// sides, like a loosely drawn slot). The preset's <i>reference</i> image is the same shelf stocked with enrolment photos
/// of each slot's planned SKU (the query's class), the <i>snapshot</i> is the query shelf as a PTZ dome that came back a
/// little off sees it: shifted up to ±3 % of the frame and zoomed 0.97–1.03. Slots are read after aligning the snapshot
/// to the reference, so alignment error counts against accuracy; the alignment error is also reported on its own.
///
/// Empty slots: grocery-store has no empty-shelf photos, and backgrounds cut from its photos' borders would contain
/// products (they are close-ups of full crates and shelves). The only real pixels we have that certainly show no product are
/// the people-counting scenes: windows of pets2009-s2l1 (campus road, grass, building) and tud-mot15 (street, pavement,
/// walls) that overlap no annotated person or ignore region, by a margin. They are "no product here", but busier than an
/// empty shelf's plain back panel (cars, windows, foliage), so the empty recall measured on them is expected to be lower
/// than on real empty slots; a check on synthetic back panels (flat colour + sensor noise + a price strip) is printed
/// separately and is not a headline figure. Every 6th slot on average is empty.
///
/// The empty rule is calibrated on the gallery photos only (no empty examples): see ShelfGallery.
/// </summary>
public sealed class DisplayAccuracyBenchmark : IBenchmark
{
    private const int SlotSide = 300, Gap = 20, Board = 36, Margin = 40;

    public string Name => "display-accuracy";
    public string Usage => "[--data DIR] [--enrol K] [--limit N] [--rows R] [--cols C] [--empty-every N] [--no-drift]";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var dataDir = Path.GetFullPath(args.Get("data") ?? SharedAssets.DataDirectory());
        var enrolPerClass = args.Get("enrol", 5);
        var limit = args.Get("limit", 0);
        int rows = args.Get("rows", 3), cols = args.Get("cols", 4);
        var emptyEvery = args.Get("empty-every", 6);
        var drift = !args.Flag("no-drift");
        var store = ModelStore.Locate();
        Progress.Say($"display-accuracy: data {dataDir}, models {store.ModelsDirectory}");
        var sets = await GtSet.LoadAllAsync(dataDir, cancellation).ConfigureAwait(false);
        if (!sets.TryGetValue("grocery-store", out var set) || set.Classes is null) { Console.Error.WriteLine("grocery-store not found under " + dataDir); return 2; }

        var names = set.Classes.ToDictionary(c => c.ClassId, c => c.ClassName);
        var coarse = set.Classes.ToDictionary(c => c.ClassName, c => c.CoarseClassName ?? "?");
        var byClass = set.Images.Where(i => i.ClassId is not null).GroupBy(i => i.ClassId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.File, StringComparer.Ordinal).ToList());
        var queries = byClass.SelectMany(kv => kv.Value.Skip(enrolPerClass)).OrderBy(i => i.File, StringComparer.Ordinal).ToList();
        if (limit > 0)
        {
            var step = Math.Max(1, (int)Math.Ceiling(queries.Count / (double)limit));
            queries = queries.Where((_, i) => i % step == 0).ToList();
        }

        // The gallery as the product path has it: each class a SKU of the SKU master, its enrolment photos in sku_photos
        // (benchmark database), read back the way the silo's shelf analysis reads them.
        var enrolment = new List<SkuPhoto>();
        foreach (var (id, photos) in byClass.OrderBy(kv => kv.Key))
            foreach (var p in photos.Take(enrolPerClass))
                enrolment.Add(new SkuPhoto(names[id], await File.ReadAllBytesAsync(set.PathOf(p.File), cancellation).ConfigureAwait(false)));
        var stored = await DisplayGalleryDatabase.RoundTrip(enrolment, cancellation).ConfigureAwait(false);
        var galleryPhotos = stored.Select(p => new SkuPhoto(p.SkuCode, p.Content)).ToList();

        using var embedder = new ProductEmbedder(store);
        var intake = new JpegIntake();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var embedded = ShelfGallery.EmbedAll(embedder, galleryPhotos, intake,
            new Inline(n => { if (n % 100 == 0) Progress.Say($"enrolled {n}/{galleryPhotos.Count} photos"); }), cancellation);
        var gallery = ShelfGallery.Build(embedded);
        var enrolSeconds = sw.Elapsed.TotalSeconds;
        Progress.Say(string.Create(CultureInfo.InvariantCulture,
            $"gallery: {gallery.Photos} photos of {gallery.Skus.Count()} SKUs in {enrolSeconds:0.0} s; unknown below {gallery.UnknownBelow:0.000}, empty = unknown and edge energy below {gallery.EmptyEdgeBelow:0.00}"));
        var (restarted, restartSeconds) = await DisplayGalleryDatabase.Restart(stored, embedded, cancellation).ConfigureAwait(false);
        var same = restarted.UnknownBelow == gallery.UnknownBelow ? ", as enrolled" : " — DIFFERS from the enrolled gallery";
        Progress.Say(string.Create(CultureInfo.InvariantCulture,
            $"gallery after a silo restart (embeddings read back from sku_photo_embeddings): {restartSeconds:0.0} s; unknown below {restarted.UnknownBelow:0.000}{same}"));

        var empties = await EmptyCrops.LoadAsync(sets, intake, Math.Max(40, queries.Count / Math.Max(1, emptyEvery - 1)), cancellation).ConfigureAwait(false);
        Progress.Say($"empty slots: {empties.Count} windows without any annotated person ({string.Join(", ", empties.GroupBy(e => e.Source).Select(g => $"{g.Key} {g.Count()}"))})");

        // Slot contents in a fixed order: queries shuffled, an empty window inserted on average every `emptyEvery` slots.
        var rng = new Random(7);
        var order = queries.Select(q => new SlotItem(names[q.ClassId!.Value], q.File, null)).ToArray();
        rng.Shuffle(order);
        var items = new List<SlotItem>();
        int e = 0;
        foreach (var item in order)
        {
            if (e < empties.Count && rng.Next(emptyEvery) == 0) items.Add(new SlotItem(null, null, empties[e++].Bitmap));
            items.Add(item);
        }
        Progress.Say($"{items.Count} slots ({items.Count(i => i.Sku is not null)} products, {items.Count(i => i.Sku is null)} empty) on {(items.Count + rows * cols - 1) / (rows * cols)} shelves of {rows}x{cols}, drift {(drift ? "±3 %, zoom 0.97–1.03" : "none")}");

        var tally = new Tally();
        var reader = new SlotReader(embedder, gallery);
        var galleryByClass = galleryPhotos.GroupBy(p => p.Sku).ToDictionary(g => g.Key, g => g.ToList());
        int perShelf = rows * cols, shelves = (items.Count + perShelf - 1) / perShelf;
        int width = 2 * Margin + cols * SlotSide + (cols - 1) * Gap, height = 2 * Margin + rows * (SlotSide + Board) + (rows - 1) * Gap;
        var layout = Enumerable.Range(0, perShelf).Select(i => SKRectI.Create(Margin + i % cols * (SlotSide + Gap), Margin + i / cols * (SlotSide + Board + Gap), SlotSide, SlotSide)).ToList();
        double alignMs = 0, readMs = 0;
        for (int s = 0; s < shelves; s++)
        {
            cancellation.ThrowIfCancellationRequested();
            var onShelf = items.Skip(s * perShelf).Take(perShelf).ToList();
            var tiles = new List<SKBitmap?>();
            var refTiles = new List<SKBitmap?>();
            try
            {
                foreach (var (item, i) in onShelf.Select((it, i) => (it, i)))
                {
                    if (item.Sku is null) { tiles.Add(item.Empty); refTiles.Add(await DecodeAsync(intake, galleryPhotos[rng.Next(galleryPhotos.Count)].Jpeg).ConfigureAwait(false)); continue; }
                    using (var q = await intake.DecodeFileAsync(set.PathOf(item.File!), cancellation).ConfigureAwait(false)) tiles.Add(q.Bitmap.Copy());
                    var planned = galleryByClass[item.Sku];
                    refTiles.Add(await DecodeAsync(intake, planned[rng.Next(planned.Count)].Jpeg).ConfigureAwait(false));
                }
                double dx = 0, dy = 0, zoom = 1;
                if (drift) { dx = (rng.NextDouble() * 2 - 1) * 0.03 * width; dy = (rng.NextDouble() * 2 - 1) * 0.03 * height; zoom = 0.97 + rng.NextDouble() * 0.06; }
                using var reference = ShelfCanvas.Draw(refTiles, layout, width, height, 1, 0, 0);
                using var snapshot = ShelfCanvas.Draw(tiles, layout, width, height, zoom, dx, dy);
                var plan = new Planogram(width, height, onShelf.Select((it, i) => new ShelfSlot($"S{s}-{i}", it.Sku, new SlotRect(layout[i].Left, layout[i].Top, SlotSide, SlotSide))).ToList());

                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                var prepared = PresetReference.Of(reference);
                var reading = reader.Read(snapshot, prepared, plan);
                alignMs += reading.Alignment.Milliseconds;
                readMs += System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds - reading.Alignment.Milliseconds;

                // True transform of the drawing: snapshot = zoom · (p − c) + c + (dx, dy); error at the slot corners.
                double cx = width / 2.0, cy = height / 2.0, worst = 0;
                foreach (var r in plan.Slots.Select(sl => sl.Rect))
                foreach (var (px, py) in new[] { (r.X, r.Y), (r.Right, r.Bottom) })
                {
                    var (mx, my) = reading.Alignment.Transform.Map(px, py);
                    worst = Math.Max(worst, Math.Max(Math.Abs(mx - (zoom * (px - cx) + cx + dx)), Math.Abs(my - (zoom * (py - cy) + cy + dy))));
                }
                tally.Alignment(worst, reading.Alignment.Reliable);
                if (worst > 10) Progress.Say(string.Create(CultureInfo.InvariantCulture, $"alignment off on shelf {s}: true zoom {zoom:0.000} offset ({cx * (1 - zoom) + dx:0.0}, {cy * (1 - zoom) + dy:0.0}); found {reading.Alignment.Transform} score {reading.Alignment.Score:0.00} identity {reading.Alignment.IdentityScore:0.00}"));
                foreach (var (slot, it) in reading.Slots.Zip(onShelf)) tally.Add(it.Sku, it.Sku is null ? "empty" : coarse[it.Sku], slot, KindOf(it.File));
                tally.Observe(s, reading);
            }
            finally
            {
                foreach (var t in tiles) if (!ReferenceEquals(t, null) && !empties.Any(x => ReferenceEquals(x.Bitmap, t))) t.Dispose();
                foreach (var t in refTiles) t?.Dispose();
            }
            if ((s + 1) % 20 == 0 || s == shelves - 1)
                Progress.Say(string.Create(CultureInfo.InvariantCulture, $"shelf {s + 1}/{shelves}: top1 so far {tally.Top1:0.0000}, align {alignMs / (s + 1):0} ms/shelf, read {readMs / tally.Slots:0} ms/slot"));
        }

        var storeShelf = tally.StoreShelf();
        var synthetic = SyntheticPanels(reader, rng);
        tally.Report(gallery, synthetic);
        var figures = new Figures();
        figures.Add("sku_top1_accuracy", tally.Top1, "ratio");
        figures.Add("sku_top5_accuracy", tally.Top5, "ratio");
        figures.Add("sku_accepted_accuracy", tally.Accepted, "ratio");
        foreach (var (kind, t1, _, _) in tally.Kinds) figures.Add($"sku_top1_accuracy_{kind.ToLowerInvariant()}", t1, "ratio");
        figures.Add("empty_precision", tally.EmptyPrecision, "ratio");
        figures.Add("empty_recall", tally.EmptyRecall, "ratio");
        figures.Add("empty_recall_synthetic_panels", synthetic, "ratio");
        figures.Add("alignment_worst_corner_error_median", tally.AlignmentMedian, "px");
        figures.Add("alignment_failures", tally.AlignmentFailures, "shelves");
        figures.Add("slot_read_time", readMs / Math.Max(1, tally.Slots), "ms");
        figures.Add("store_compliance_measured", storeShelf.ComplianceRate ?? 0, "ratio");
        figures.Add("store_compliance_true", 1, "ratio");
        figures.Add("store_out_of_stock_slots", storeShelf.OutOfStock.Count, "slots");
        figures.Add("alignment_time", alignMs / Math.Max(1, shelves), "ms");
        figures.Add("gallery_enrolment_time", enrolSeconds, "s");
        figures.Add("gallery_restart_time", restartSeconds, "s");
        figures.Print();
        foreach (var x in empties) x.Bitmap.Dispose();
        return 0;
    }

    /// <summary>grocery-store's top folder under the split: Packages, Fruit or Vegetables.</summary>
    private static string KindOf(string? file) => file?.Split('/') is { Length: > 3 } parts ? parts[2] : "";

    private static async Task<SKBitmap> DecodeAsync(JpegIntake intake, byte[] jpeg)
    {
        await Task.Yield();
        using var frame = intake.Decode(jpeg);
        return frame.Bitmap.Copy();
    }

    /// <summary>Recall of Empty on plain back panels (flat colour, noise, a price strip): the easy case, printed for contrast.</summary>
    private static double SyntheticPanels(SlotReader reader, Random rng)
    {
        int empty = 0;
        const int n = 40;
        for (int i = 0; i < n; i++)
        {
            using var panel = new SKBitmap(new SKImageInfo(SlotSide, SlotSide, SKColorType.Rgba8888, SKAlphaType.Opaque));
            var baseColour = (byte)rng.Next(60, 230);
            for (int y = 0; y < SlotSide; y++)
            for (int x = 0; x < SlotSide; x++)
            {
                var v = (byte)Math.Clamp(baseColour + rng.Next(-6, 7) - y / 20, 0, 255);
                panel.SetPixel(x, y, new SKColor(v, v, (byte)Math.Clamp(v + 4, 0, 255)));
            }
            using (var canvas = new SKCanvas(panel))
            using (var paint = new SKPaint { Color = new SKColor(245, 245, 240) })
                canvas.DrawRect(SKRect.Create(rng.Next(20, 200), SlotSide - 40, 70, 30), paint);
            if (reader.ReadCrop(panel, new SlotRect(0, 0, SlotSide, SlotSide)).Outcome == SlotOutcome.Empty) empty++;
        }
        return empty / (double)n;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, so lines could come late).</summary>
    private sealed class Inline(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed record SlotItem(string? Sku, string? File, SKBitmap? Empty);
}
