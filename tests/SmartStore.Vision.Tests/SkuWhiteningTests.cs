using SmartStore.Vision.Products;
using Xunit;

namespace SmartStore.Vision.Tests;

/// <summary>
/// Pure maths on hand-built embeddings: SKUs that differ a little in a few feature directions, photographed with
/// large shared nuisance variation (light, angle) in others. Raw cosine is swamped by the nuisance; the whitening
/// learned from the gallery itself must recover the SKUs.
/// </summary>
public sealed class SkuWhiteningTests
{
    private const int Block = ProductEmbedder.BlockDimensions;

    [Fact]
    public void WhiteningLearnedFromTheGalleryTellsSkusApartWhereRawCosineCannot()
    {
        var random = new Random(11);
        var nuisance = Enumerable.Range(0, 6).Select(_ => Gaussian(random, Block, 1)).ToArray();
        var skus = Enumerable.Range(0, 24).Select(_ => Gaussian(random, Block, 0.1f)).ToArray();
        float[] Photo(int sku)
        {
            var v = (float[])skus[sku].Clone();
            foreach (var direction in nuisance)
            {
                var weight = (float)(random.NextDouble() * 2 - 1) * 0.15f;
                for (int i = 0; i < Block; i++) v[i] += weight * direction[i];
            }
            for (int i = 0; i < Block; i++) v[i] += (float)(random.NextDouble() - 0.5) * 0.01f;
            return v;
        }
        var entries = new List<(string Sku, float[] Embedding)>();
        for (int s = 0; s < skus.Length; s++)
        for (int photo = 0; photo < 5; photo++)
            entries.Add(($"SKU-{s:00}", Photo(s)));

        var whitening = SkuWhitening.Learn(entries);
        Assert.NotNull(whitening);
        var raw = LeaveOneOutAccuracy(entries.Select(e => (e.Sku, Unit(e.Embedding))).ToList());
        var whitened = LeaveOneOutAccuracy(entries.Select(e => (e.Sku, whitening.Apply(e.Embedding))).ToList());
        Assert.True(raw < 0.5, $"raw nearest-neighbour accuracy {raw:0.00} should be swamped by the nuisance");
        Assert.True(whitened > 0.9, $"whitened nearest-neighbour accuracy {whitened:0.00}");
        Assert.Equal(whitening.DimensionsOf(Block), whitening.Apply(entries[0].Embedding).Length);

        // The gallery ranks new photos in the whitened space, and still reports the plain centred cosine.
        var shelf = Enumerable.Range(0, skus.Length).Select(s => ($"SKU-{s:00}", Photo(s))).ToList();
        double RightFirst(ProductGallery gallery)
        {
            foreach (var (sku, e) in entries) gallery.Enrol(sku, e);
            gallery.Seal();
            return shelf.Count(q => gallery.Rank(q.Item2, 1)[0].Sku == q.Item1) / (double)shelf.Count;
        }
        var whitenedGallery = new ProductGallery(learn: false);
        Assert.True(RightFirst(whitenedGallery) > 0.9);
        Assert.True(RightFirst(new ProductGallery(learn: false, whiten: false)) < 0.5);
        var top = whitenedGallery.Rank(shelf[0].Item2, 1)[0];
        var reference = whitenedGallery.Project(entries.Where(e => e.Sku == top.Sku).Select(e => e.Embedding).First());
        Assert.True(top.Similarity >= Embedding.Cosine(whitenedGallery.Project(shelf[0].Item2), reference) - 1e-5f);
    }

    [Fact]
    public void TheColourBlockAfterTheFeatureBlocksIsWhitenedToo()
    {
        // SKUs told apart only by their colour block, which carries the same kind of shared nuisance (light on the hue).
        const int Colour = 64;
        var random = new Random(5);
        var nuisance = Enumerable.Range(0, 4).Select(_ => Gaussian(random, Colour, 1)).ToArray();
        var skus = Enumerable.Range(0, 24).Select(_ => Gaussian(random, Colour, 0.1f)).ToArray();
        float[] Photo(int sku)
        {
            var v = new float[Block + Colour];
            Gaussian(random, Block, 1).CopyTo(v, 0);
            for (int i = 0; i < Colour; i++) v[Block + i] = skus[sku][i] + (float)(random.NextDouble() - 0.5) * 0.01f;
            foreach (var direction in nuisance)
            {
                var weight = (float)(random.NextDouble() * 2 - 1) * 0.15f;
                for (int i = 0; i < Colour; i++) v[Block + i] += weight * direction[i];
            }
            return v;
        }
        var entries = Enumerable.Range(0, skus.Length * 5).Select(n => ($"SKU-{n / 5:00}", Photo(n / 5))).ToList();

        var whitening = SkuWhitening.Learn(entries);
        Assert.NotNull(whitening);
        Assert.Equal(whitening.DimensionsOf(Block + Colour), whitening.Apply(entries[0].Item2).Length);
        var raw = LeaveOneOutAccuracy(entries.Select(e => (e.Item1, Unit(e.Item2[Block..]))).ToList());
        var whitened = LeaveOneOutAccuracy(entries.Select(e => (e.Item1, Unit(whitening.Apply(e.Item2)[^Colour..]))).ToList());
        Assert.True(raw < 0.5, $"raw colour-block accuracy {raw:0.00} should be swamped by the nuisance");
        Assert.True(whitened > 0.9, $"whitened colour-block accuracy {whitened:0.00}");
    }

    [Fact]
    public void AGalleryOfFewSkusOrFewPhotosLearnsNoWhitening()
    {
        var random = new Random(3);
        var fewSkus = Enumerable.Range(0, (SkuWhitening.MinimumSkus - 1) * SkuWhitening.MinimumEntriesPerSku)
            .Select(i => ($"SKU-{i / SkuWhitening.MinimumEntriesPerSku}", Gaussian(random, Block, 1))).ToList();
        Assert.Null(SkuWhitening.Learn(fewSkus));
        var fewPhotos = Enumerable.Range(0, SkuWhitening.MinimumSkus * 3).Select(i => ($"SKU-{i / 3}", Gaussian(random, Block, 1))).ToList();
        Assert.Null(SkuWhitening.Learn(fewPhotos));

        var gallery = new ProductGallery();
        foreach (var (sku, e) in fewSkus) gallery.Enrol(sku, e);
        gallery.Seal();
        Assert.Null(gallery.Whitening);
    }

    private static double LeaveOneOutAccuracy(List<(string Sku, float[] V)> entries)
    {
        int right = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            var best = Enumerable.Range(0, entries.Count).Where(j => j != i).MaxBy(j => Embedding.Cosine(entries[i].V, entries[j].V));
            if (entries[best].Sku == entries[i].Sku) right++;
        }
        return right / (double)entries.Count;
    }

    private static float[] Unit(float[] v)
    {
        var u = (float[])v.Clone();
        Embedding.Normalize(u);
        return u;
    }

    private static float[] Gaussian(Random random, int length, float sigma)
    {
        var v = new float[length];
        for (int i = 0; i < length; i++)
            v[i] = sigma * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return v;
    }
}
