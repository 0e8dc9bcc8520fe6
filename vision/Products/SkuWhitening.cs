using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace SmartStore.Vision.Products;

/// <summary>
/// A linear map of each 1280-d feature block, learned at enrolment from the gallery's own photos: it shrinks the
/// directions in which photos of one SKU differ (light, angle, how the pack was framed) and keeps those in which SKUs
/// differ. ImageNet features spend much of their variance on exactly the differences a shelf photo should ignore.
/// Recipe: PCA of all blocks (keep 512), then whiten by the ridge-regularised within-SKU covariance there.
/// Measured on grocery-store (vision-accuracy (b), 81 SKUs × 5 enrolment photos, no other data): see vision/README.md.
/// Small galleries do not estimate a within-SKU covariance reliably, so it is learned only from
/// <see cref="MinimumSkus"/> SKUs with <see cref="MinimumEntriesPerSku"/> gallery entries each (photos and their mirror views).
/// </summary>
public sealed class SkuWhitening
{
    public const int MinimumSkus = 20;
    public const int MinimumEntriesPerSku = 4;
    private const int Block = ProductEmbedder.BlockDimensions;
    private const int Keep = 512;
    // Added to every within-SKU variance, as a share of their mean: with 5 photos per SKU the smallest are noise.
    private const double Ridge = 0.3;
    // Covariance cost grows with samples; beyond this many blocks a random subset estimates it as well.
    private const int MaximumSamples = 20_000;

    private readonly float[] mean;
    private readonly float[] rows; // Keep rows of Block: output j = rows[j] · (x − mean)
    private readonly int keep;

    private SkuWhitening(float[] mean, float[] rows, int keep)
    {
        this.mean = mean;
        this.rows = rows;
        this.keep = keep;
    }

    /// <summary>Length of the whitened version of an embedding of <paramref name="dimensions"/>.</summary>
    public int DimensionsOf(int dimensions) => dimensions / Block * keep + dimensions % Block;

    /// <summary>Null when the gallery is too small to learn from (see <see cref="MinimumSkus"/>) or has no feature blocks.</summary>
    public static SkuWhitening? Learn(IReadOnlyList<(string Sku, float[] Embedding)> entries)
    {
        if (entries.Count == 0 || entries[0].Embedding.Length < Block) return null;
        var eligible = entries.GroupBy(e => e.Sku).Count(g => g.Count() >= MinimumEntriesPerSku);
        if (eligible < MinimumSkus) return null;
        var (samples, labels) = BlocksOf(entries);
        return Fit(samples, labels);
    }

    /// <summary>Every feature block of every entry, unit length, labelled with its SKU.</summary>
    private static (float[][] Samples, int[] Labels) BlocksOf(IReadOnlyList<(string Sku, float[] Embedding)> entries)
    {
        var skuIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new List<float[]>();
        var labels = new List<int>();
        foreach (var (sku, embedding) in entries)
        {
            if (!skuIndex.TryGetValue(sku, out var label)) skuIndex[sku] = label = skuIndex.Count;
            for (int b = 0; b + Block <= embedding.Length; b += Block)
            {
                var block = embedding.AsSpan(b, Block).ToArray();
                Embedding.Normalize(block);
                samples.Add(block);
                labels.Add(label);
            }
        }
        if (samples.Count <= MaximumSamples) return (samples.ToArray(), labels.ToArray());
        // A seeded random subset: every k-th would keep only some block kinds (blocks are interleaved per entry).
        var pick = Enumerable.Range(0, samples.Count).ToArray();
        new Random(0).Shuffle(pick);
        pick = pick[..MaximumSamples];
        return (pick.Select(i => samples[i]).ToArray(), pick.Select(i => labels[i]).ToArray());
    }

    private static SkuWhitening Fit(float[][] samples, int[] labels)
    {
        var mean = Average(samples);
        var skuMeans = labels.Distinct().ToDictionary(l => l, l => Average(samples.Where((_, i) => labels[i] == l).ToArray()));
        var within = Scatter(samples.Select((x, i) => Minus(x, skuMeans[labels[i]])).ToArray());
        var between = Scatter(labels.Select(l => Minus(skuMeans[l], mean)).ToArray());
        var total = within + between;

        var keep = Math.Min(Keep, samples.Length - 1);
        var pca = total.Evd(Symmetricity.Symmetric);
        var strongest = Enumerable.Range(0, Block).OrderByDescending(i => pca.EigenValues[i].Real).Take(keep).ToArray();
        var basis = Matrix<double>.Build.Dense(Block, keep, (r, c) => pca.EigenVectors[r, strongest[c]]);
        var withinKept = basis.TransposeThisAndMultiply(within * basis);
        var evd = withinKept.Evd(Symmetricity.Symmetric);
        var ridge = Ridge * withinKept.Trace() / keep;
        var scale = Matrix<double>.Build.DenseDiagonal(keep, keep, i => 1 / Math.Sqrt(Math.Max(evd.EigenValues[i].Real, 0) + ridge));
        var map = basis * evd.EigenVectors * scale; // Block × keep
        var rows = new float[keep * Block];
        for (int j = 0; j < keep; j++)
        for (int i = 0; i < Block; i++)
            rows[j * Block + i] = (float)map[i, j];
        return new SkuWhitening(mean, rows, keep);
    }

    /// <summary>
    /// Each feature block whitened and unit length, any tail (the colour block) kept, the whole unit length: blocks
    /// weigh equally in cosine, as in the raw embedding.
    /// </summary>
    public float[] Apply(ReadOnlySpan<float> embedding)
    {
        var blocks = embedding.Length / Block;
        var result = new float[DimensionsOf(embedding.Length)];
        var centred = new float[Block];
        for (int b = 0; b < blocks; b++)
        {
            embedding.Slice(b * Block, Block).CopyTo(centred);
            Embedding.Normalize(centred);
            TensorPrimitives.Subtract(centred, mean, centred);
            var output = result.AsSpan(b * keep, keep);
            for (int j = 0; j < keep; j++) output[j] = TensorPrimitives.Dot(rows.AsSpan(j * Block, Block), centred);
            Embedding.Normalize(output);
        }
        var tail = result.AsSpan(blocks * keep);
        embedding[(blocks * Block)..].CopyTo(tail);
        Embedding.Normalize(tail);
        Embedding.Normalize(result);
        return result;
    }

    private static float[] Average(float[][] vectors)
    {
        var sum = new float[vectors[0].Length];
        foreach (var v in vectors) TensorPrimitives.Add(sum, v, sum);
        TensorPrimitives.Divide(sum, vectors.Length, sum);
        return sum;
    }

    private static float[] Minus(float[] a, float[] b)
    {
        var d = new float[a.Length];
        TensorPrimitives.Subtract(a, b, d);
        return d;
    }

    /// <summary>Σ x xᵀ / n, by dot products of the transposed data (SIMD), rows in parallel.</summary>
    private static Matrix<double> Scatter(float[][] vectors)
    {
        var n = vectors.Length;
        var columns = new float[Block][];
        for (int i = 0; i < Block; i++)
        {
            columns[i] = new float[n];
            for (int s = 0; s < n; s++) columns[i][s] = vectors[s][i];
        }
        var scatter = new double[Block, Block];
        Parallel.For(0, Block, i =>
        {
            for (int j = 0; j <= i; j++) scatter[i, j] = scatter[j, i] = TensorPrimitives.Dot(columns[i], columns[j]) / (double)n;
        });
        return Matrix<double>.Build.DenseOfArray(scatter);
    }
}
