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

        async Task<Dictionary<ProductViews, float[]>> EmbedAsync(string relative)
        {
            using var frame = await intake.DecodeFileAsync(set.PathOf(relative), cancellation).ConfigureAwait(false);
            return new()
            {
                [ProductViews.CentreCrop] = embedder.Embed(frame.Bitmap, null, ProductViews.CentreCrop),
                [ProductViews.Default] = embedder.Embed(frame.Bitmap, null, ProductViews.Default),
            };
        }

        var refs = new List<(string Sku, Dictionary<ProductViews, float[]> E)>();
        foreach (var c in set.Classes)
            foreach (var r in c.ReferenceImages) refs.Add((c.ClassName, await EmbedAsync(r).ConfigureAwait(false)));
        Progress.Say($"sku: embedded {refs.Count} iconic references");
        var enrolled = new List<(string Sku, Dictionary<ProductViews, float[]> E)>();
        foreach (var e in enrol) enrolled.Add((names[e.ClassId!.Value], await EmbedAsync(e.File).ConfigureAwait(false)));
        Progress.Say($"sku: embedded {enrolled.Count} enrolment photos");
        var asked = new List<(string Sku, Dictionary<ProductViews, float[]> E)>();
        foreach (var q in queries)
        {
            asked.Add((names[q.ClassId!.Value], await EmbedAsync(q.File).ConfigureAwait(false)));
            if (asked.Count % 250 == 0) Progress.Say($"sku: queries {asked.Count}/{queries.Count}");
        }

        foreach (var (label, gallerySource) in new[] { ("a", refs), ("b", enrolled) })
        foreach (var views in new[] { ProductViews.CentreCrop, ProductViews.Default })
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
            Progress.Say($"sku: setting ({label}) views {views} centred {centre} learned {gallery.HasClassifier} (enrol {sealMs} ms): top1 {t1:0.0000} top5 {t5:0.0000}");
            if (views == ProductViews.Default && centre && (learn || label == "a"))
            {
                var suffix = label == "a" ? "_iconic" : "";
                figures.Add($"sku_top1_accuracy{suffix}", t1, "ratio");
                figures.Add($"sku_top5_accuracy{suffix}", t5, "ratio");
            }
        }
    }
}
