using System.Diagnostics;
using System.Globalization;
using SmartStore.Vision;
using SmartStore.Vision.Products;

namespace SmartStore.Bench.Vision;

/// <summary>
/// How long a SKU gallery takes to seal (centring, within-SKU whitening, trained layer) as the SKU master grows — the
/// wait after every photo change. Timing only: the embeddings are synthetic (each SKU a random centre, 15 entries around
/// it, as 5 photos × 3 enrolment views), shaped like <see cref="ProductViews.Single"/> embeddings; accuracy is measured
/// on real photos by vision-accuracy.
/// </summary>
public static class GallerySealSection
{
    private const int EntriesPerSku = 15;

    public static void Run(IEnumerable<int> skuCounts, Figures figures)
    {
        var dims = ProductEmbedder.DimensionsOf(ProductViews.Single);
        foreach (var skus in skuCounts)
        {
            var gallery = Synthetic(skus, dims);
            var sw = Stopwatch.StartNew();
            gallery.Seal();
            var seconds = sw.Elapsed.TotalSeconds;
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"gallery seal: {skus} SKUs, {gallery.Count} entries, whitened {gallery.Whitening is not null}: {seconds:0.0} s"));
            figures.Add($"gallery_seal_s_{skus}_skus", seconds, "s");
        }
    }

    private static ProductGallery Synthetic(int skus, int dims)
    {
        var rng = new Random(skus);
        var gallery = new ProductGallery();
        for (int s = 0; s < skus; s++)
        {
            var centre = new float[dims];
            for (int d = 0; d < dims; d++) centre[d] = rng.NextSingle();
            for (int e = 0; e < EntriesPerSku; e++)
            {
                var entry = new float[dims];
                for (int d = 0; d < dims; d++) entry[d] = Math.Max(0, centre[d] + (rng.NextSingle() - 0.5f) * 0.6f);
                Embedding.Normalize(entry);
                gallery.Enrol($"SKU-{s:0000}", entry);
            }
        }
        return gallery;
    }
}
