using SmartStore.Bench.Data;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Models;
using SmartStore.Vision.Products;

namespace SmartStore.Bench.Vision;

/// <summary>
/// SKU recognition on grocery-store in two settings: (a) gallery = the one iconic reference per class;
/// (b) enrolment: gallery = each class's first K photos by file name, queries = the rest.
/// </summary>
public sealed class SkuSection(ModelStore store, int limit, int enrolPerClass = 5)
{
    public async Task RunAsync(IReadOnlyDictionary<string, GtSet> sets, Figures figures, CancellationToken cancellation)
    {
        if (!sets.TryGetValue("grocery-store", out var set) || set.Classes is null) { Progress.Say("sku: grocery-store not found, skipped"); return; }
        using var embedder = new ProductEmbedder(store);
        var intake = new JpegIntake();
        var names = set.Classes.ToDictionary(c => c.ClassId, c => c.ClassName);

        var byClass = set.Images.Where(i => i.ClassId is not null).GroupBy(i => i.ClassId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.File, StringComparer.Ordinal).ToList());
        var enrol = byClass.SelectMany(kv => kv.Value.Take(enrolPerClass)).ToList();
        var queries = byClass.SelectMany(kv => kv.Value.Skip(enrolPerClass)).OrderBy(i => i.File, StringComparer.Ordinal).ToList();
        var step = limit > 0 ? Math.Max(1, (int)Math.Ceiling(queries.Count / (double)limit)) : 1;
        queries = queries.Where((_, i) => i % step == 0).ToList();
        Progress.Say($"sku: {set.Classes.Count} classes, {enrol.Count} enrolment photos, {queries.Count} queries, views {ProductViews.Default}");

        async Task<Dictionary<ProductViews, float[]>> EmbedAsync(string relative, List<float[]>? augmented = null)
        {
            using var frame = await intake.DecodeFileAsync(set.PathOf(relative), cancellation).ConfigureAwait(false);
            if (augmented is not null) augmented.AddRange(embedder.EnrolmentViews(frame.Bitmap));
            return new()
            {
                [ProductViews.CentreCrop] = embedder.Embed(frame.Bitmap, null, ProductViews.CentreCrop),
                [ProductViews.Global] = embedder.Embed(frame.Bitmap, null, ProductViews.Global),
                [ProductViews.Single] = embedder.Embed(frame.Bitmap, null, ProductViews.Single),
                [ProductViews.Default] = embedder.Embed(frame.Bitmap, null, ProductViews.Default),
            };
        }
        var augmentedRefs = new List<(string Sku, float[] E)>();
        var augmentedEnrol = new List<(string Sku, float[] E)>();

        var refs = new List<(string Sku, Dictionary<ProductViews, float[]> E)>();
        foreach (var c in set.Classes)
            foreach (var r in c.ReferenceImages)
            {
                var views = new List<float[]>();
                refs.Add((c.ClassName, await EmbedAsync(r, views).ConfigureAwait(false)));
                augmentedRefs.AddRange(views.Select(v => (c.ClassName, v)));
            }
        Progress.Say($"sku: embedded {refs.Count} iconic references");
        var enrolled = new List<(string Sku, Dictionary<ProductViews, float[]> E)>();
        foreach (var e in enrol)
        {
            var views = new List<float[]>();
            enrolled.Add((names[e.ClassId!.Value], await EmbedAsync(e.File, views).ConfigureAwait(false)));
            augmentedEnrol.AddRange(views.Select(v => (names[e.ClassId!.Value], v)));
        }
        Progress.Say($"sku: embedded {enrolled.Count} enrolment photos");
        var asked = new List<(string Sku, Dictionary<ProductViews, float[]> E)>();
        foreach (var q in queries)
        {
            asked.Add((names[q.ClassId!.Value], await EmbedAsync(q.File).ConfigureAwait(false)));
            if (asked.Count % 250 == 0) Progress.Say($"sku: queries {asked.Count}/{queries.Count}");
        }

        foreach (var (label, gallerySource) in new[] { ("a", refs), ("b", enrolled) })
        foreach (var views in new[] { ProductViews.CentreCrop, ProductViews.Global, ProductViews.Default })
        foreach (var (centre, learn) in new[] { (false, false), (true, false), (true, true) })
        {
            if (learn && label == "a") continue;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var gallery = new ProductGallery(centre, learn);
            foreach (var (sku, e) in gallerySource) gallery.Enrol(sku, e[views]);
            gallery.Seal();
            var sealMs = sw.ElapsedMilliseconds;
            int top1 = 0, top5 = 0;
            foreach (var (sku, e) in asked)
            {
                var ranked = gallery.Rank(e[views], 5);
                if (ranked[0].Sku == sku) top1++;
                if (ranked.Any(m => m.Sku == sku)) top5++;
            }
            double t1 = top1 / (double)asked.Count, t5 = top5 / (double)asked.Count;
            Progress.Say($"sku: setting ({label}) views {views} centred {centre} whitened {gallery.Whitening is not null} learned {gallery.HasClassifier} (enrol {sealMs} ms): top1 {t1:0.0000} top5 {t5:0.0000}");
            if (views == ProductViews.Default && centre && label == "a")
            {
                figures.Add("sku_top1_accuracy_iconic", t1, "ratio");
                figures.Add("sku_top5_accuracy_iconic", t5, "ratio");
            }
        }

        await MeasureUnknownAsync(sets, enrolled.Select(e => (e.Sku, e.E[ProductViews.Default])).ToList(),
            asked.Select(a => (a.Sku, a.E[ProductViews.Default])).ToList(), embedder, intake, figures, cancellation).ConfigureAwait(false);

        foreach (var (label, source) in new[] { ("a", augmentedRefs), ("b", augmentedEnrol) })
        foreach (var (learn, whiten) in new[] { (false, false), (true, false), (true, true) })
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var gallery = new ProductGallery(centre: true, learn: learn, whiten: whiten);
            foreach (var (sku, e) in source) gallery.Enrol(sku, e);
            gallery.Seal();
            var sealMs = sw.ElapsedMilliseconds;
            // Queries as one view, and with the test-time mirror and zoomed views averaged in (the default).
            foreach (var queryViews in new[] { ProductViews.Single, ProductViews.Default })
            {
                int top1 = 0, top5 = 0;
                foreach (var (sku, e) in asked)
                {
                    var ranked = gallery.Rank(e[queryViews], 5);
                    if (ranked[0].Sku == sku) top1++;
                    if (ranked.Any(m => m.Sku == sku)) top5++;
                }
                Progress.Say($"sku: setting ({label}) augmented refs ({source.Count}) query views {queryViews} whitened {gallery.Whitening is not null} learned {gallery.HasClassifier} (enrol {sealMs} ms): top1 {top1 / (double)asked.Count:0.0000} top5 {top5 / (double)asked.Count:0.0000}");
                // The recommended enrolment (augmented views of each photo + trained layer) is what (b) reports.
                if (label == "b" && learn && whiten && queryViews == ProductViews.Default)
                {
                    figures.Add("sku_top1_accuracy", top1 / (double)asked.Count, "ratio");
                    figures.Add("sku_top5_accuracy", top5 / (double)asked.Count, "ratio");
                }
            }
        }
    }

    /// <summary>
    /// The unknown outcome, calibrated on the enrolment gallery alone: how many genuine queries it wrongly
    /// rejects, and how many non-product crops (people from pets2009-s2l1) it correctly rejects.
    /// </summary>
    private static async Task MeasureUnknownAsync(IReadOnlyDictionary<string, GtSet> sets, List<(string Sku, float[] E)> enrolled,
        List<(string Sku, float[] E)> queries, ProductEmbedder embedder, JpegIntake intake, Figures figures, CancellationToken cancellation)
    {
        var gallery = new ProductGallery();
        foreach (var (sku, e) in enrolled) gallery.Enrol(sku, e);
        gallery.Seal();
        var threshold = ProductRecognizer.CalibrateUnknownBelow(gallery);
        var recognizer = new ProductRecognizer(embedder, gallery, threshold);
        var falseUnknown = queries.Count(q => recognizer.Recognize(q.E).IsUnknown);
        Progress.Say($"sku: unknown below {threshold:0.000}: {falseUnknown}/{queries.Count} genuine queries rejected");
        figures.Add("sku_unknown_threshold", threshold, "cosine");
        figures.Add("sku_false_unknown_rate", falseUnknown / (double)queries.Count, "ratio");
        if (!sets.TryGetValue("pets2009-s2l1", out var pets)) return;
        int people = 0, rejected = 0;
        var highest = float.NegativeInfinity;
        foreach (var img in pets.Images.Where((_, i) => i % 10 == 0))
        {
            using var frame = await intake.DecodeFileAsync(pets.PathOf(img.File), cancellation).ConfigureAwait(false);
            foreach (var p in img.Persons ?? [])
            {
                var crop = SkiaSharp.SKRectI.Round(SkiaSharp.SKRect.Create(p.Bbox[0] - 1, p.Bbox[1] - 1, p.Bbox[2], p.Bbox[3]));
                crop.Intersect(new SkiaSharp.SKRectI(0, 0, frame.Width, frame.Height));
                if (crop.Width < 8 || crop.Height < 16) continue;
                people++;
                var answer = recognizer.Recognize(frame.Bitmap, crop);
                highest = Math.Max(highest, answer.Similarity);
                if (answer.IsUnknown) rejected++;
            }
        }
        Progress.Say($"sku: person crops reported unknown {rejected}/{people} (highest similarity {highest:0.000})");
        figures.Add("sku_unknown_recall_person_crops", rejected / (double)Math.Max(1, people), "ratio");
    }
}
