using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace SmartStore.Vision.Products;

/// <summary>
/// A linear map of each 1280-d feature block, learned at enrolment from the gallery's own photos: it shrinks the
/// directions in which photos of one SKU differ (light, angle, how the pack was framed) and keeps those in which SKUs
/// differ. ImageNet features spend much of their variance on exactly the differences a shelf photo should ignore.
/// Recipe: PCA of all blocks (keep 512), then whiten by the ridge-regularised within-SKU covariance there. The colour
/// block after the feature blocks gets a map of its own, learned the same way: which hue shifts are light and which are
/// the product's own is the gallery's to learn too (vision-accuracy (b) 0.894 → 0.905 together with the finer hue
/// histogram, which alone gave 0.896).
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
    // The colour block's ridge: a hue histogram's within-SKU variances from a few photos are noisier still. Offline on
    // cached embeddings, (b) 0.901 / 0.904 / 0.905 / 0.905 at 0.3 / 1 / 3 / 10; 3 scored at least as well as 1 on each of
    // six choices of the 5 enrolment photos per SKU: the first by file name, the last, four random (vision/README.md).
    private const double ColourRidge = 3.0;
    // Covariance cost grows with samples; beyond this many blocks a random subset estimates it as well.
    private const int MaximumSamples = 20_000;

    private readonly BlockMap features;
    private readonly BlockMap? tail;

    private SkuWhitening(BlockMap features, BlockMap? tail)
    {
        this.features = features;
        this.tail = tail;
    }

    /// <summary>Length of the whitened version of an embedding of <paramref name="dimensions"/>.</summary>
    public int DimensionsOf(int dimensions)
    {
        var rest = dimensions % Block;
        return dimensions / Block * features.Keep + (tail is not null && rest == tail.Length ? tail.Keep : rest);
    }

    /// <summary>Null when the gallery is too small to learn from (see <see cref="MinimumSkus"/>) or has no feature blocks.</summary>
    public static SkuWhitening? Learn(IReadOnlyList<(string Sku, float[] Embedding)> entries)
    {
        if (entries.Count == 0 || entries[0].Embedding.Length < Block) return null;
        var eligible = entries.GroupBy(e => e.Sku).Count(g => g.Count() >= MinimumEntriesPerSku);
        if (eligible < MinimumSkus) return null;
        var labelOf = Labels(entries);
        var (samples, labels) = BlocksOf(entries, labelOf);
        var features = BlockMap.Fit(samples, labels, Keep, Ridge);
        var (tails, tailLabels) = TailsOf(entries, labelOf);
        return new SkuWhitening(features, tails.Length == 0 ? null : BlockMap.Fit(tails, tailLabels, tails[0].Length, ColourRidge));
    }

    /// <summary>Every feature block of every entry, unit length, labelled with its SKU.</summary>
    private static (float[][] Samples, int[] Labels) BlocksOf(IReadOnlyList<(string Sku, float[] Embedding)> entries,
        Dictionary<string, int> labelOf)
    {
        var samples = new List<float[]>();
        var labels = new List<int>();
        foreach (var (sku, embedding) in entries)
        {
            for (int b = 0; b + Block <= embedding.Length; b += Block)
            {
                samples.Add(Unit(embedding.AsSpan(b, Block)));
                labels.Add(labelOf[sku]);
            }
        }
        if (samples.Count <= MaximumSamples) return (samples.ToArray(), labels.ToArray());
        // A seeded random subset: every k-th would keep only some block kinds (blocks are interleaved per entry).
        var pick = Enumerable.Range(0, samples.Count).ToArray();
        new Random(0).Shuffle(pick);
        pick = pick[..MaximumSamples];
        return (pick.Select(i => samples[i]).ToArray(), pick.Select(i => labels[i]).ToArray());
    }

    /// <summary>
    /// The tail after the feature blocks (the colour block) of every entry, unit length, labelled with its SKU; none when
    /// the embeddings have no tail.
    /// </summary>
    private static (float[][] Samples, int[] Labels) TailsOf(IReadOnlyList<(string Sku, float[] Embedding)> entries,
        Dictionary<string, int> labelOf)
    {
        var length = entries[0].Embedding.Length % Block;
        if (length < 2 || entries.Any(e => e.Embedding.Length != entries[0].Embedding.Length)) return ([], []);
        return (entries.Select(e => Unit(e.Embedding.AsSpan(e.Embedding.Length - length))).ToArray(),
            entries.Select(e => labelOf[e.Sku]).ToArray());
    }

    private static Dictionary<string, int> Labels(IReadOnlyList<(string Sku, float[] Embedding)> entries)
    {
        var labelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (sku, _) in entries) labelOf.TryAdd(sku, labelOf.Count);
        return labelOf;
    }

    /// <summary>
    /// Each feature block whitened and unit length, the tail (the colour block) too when one was learned (else kept as
    /// it is, unit length), the whole unit length: blocks weigh equally in cosine, as in the raw embedding.
    /// </summary>
    public float[] Apply(ReadOnlySpan<float> embedding)
    {
        var blocks = embedding.Length / Block;
        var result = new float[DimensionsOf(embedding.Length)];
        var scratch = new float[Block]; // the tail is shorter than a block, so it fits too
        for (int b = 0; b < blocks; b++) features.Apply(embedding.Slice(b * Block, Block), scratch, result.AsSpan(b * features.Keep, features.Keep));
        var rest = embedding[(blocks * Block)..];
        var output = result.AsSpan(blocks * features.Keep);
        if (tail is not null && rest.Length == tail.Length) tail.Apply(rest, scratch, output);
        else
        {
            rest.CopyTo(output);
            Embedding.Normalize(output);
        }
        Embedding.Normalize(result);
        return result;
    }

    private static float[] Unit(ReadOnlySpan<float> v)
    {
        var u = v.ToArray();
        Embedding.Normalize(u);
        return u;
    }

    /// <summary>
    /// One block's map: PCA of the blocks (keep the strongest directions), then whiten by the ridge-regularised
    /// within-SKU covariance there.
    /// </summary>
    private sealed class BlockMap(float[] mean, float[] rows, int keep)
    {
        public int Length => mean.Length;
        public int Keep => keep;

        public static BlockMap Fit(float[][] samples, int[] labels, int keep, double ridgeShare)
        {
            var length = samples[0].Length;
            var mean = Average(samples);
            var skuMeans = labels.Distinct().ToDictionary(l => l, l => Average(samples.Where((_, i) => labels[i] == l).ToArray()));
            var within = Scatter(samples.Select((x, i) => Minus(x, skuMeans[labels[i]])).ToArray());
            var between = Scatter(labels.Select(l => Minus(skuMeans[l], mean)).ToArray());
            var total = within + between;

            keep = Math.Min(Math.Min(keep, length), samples.Length - 1);
            var pca = total.Evd(Symmetricity.Symmetric);
            var strongest = Enumerable.Range(0, length).OrderByDescending(i => pca.EigenValues[i].Real).Take(keep).ToArray();
            var basis = Matrix<double>.Build.Dense(length, keep, (r, c) => pca.EigenVectors[r, strongest[c]]);
            var withinKept = basis.TransposeThisAndMultiply(within * basis);
            var evd = withinKept.Evd(Symmetricity.Symmetric);
            var ridge = ridgeShare * withinKept.Trace() / keep;
            var scale = Matrix<double>.Build.DenseDiagonal(keep, keep, i => 1 / Math.Sqrt(Math.Max(evd.EigenValues[i].Real, 0) + ridge));
            var map = basis * evd.EigenVectors * scale; // length × keep
            var rows = new float[keep * length];
            for (int j = 0; j < keep; j++)
            for (int i = 0; i < length; i++)
                rows[j * length + i] = (float)map[i, j];
            return new BlockMap(mean, rows, keep);
        }

        /// <summary>Writes the block whitened, unit length, into <paramref name="output"/> (Keep long).</summary>
        public void Apply(ReadOnlySpan<float> block, Span<float> scratch, Span<float> output)
        {
            var centred = scratch[..Length];
            block.CopyTo(centred);
            Embedding.Normalize(centred);
            TensorPrimitives.Subtract(centred, mean, centred);
            for (int j = 0; j < keep; j++) output[j] = TensorPrimitives.Dot(rows.AsSpan(j * Length, Length), centred);
            Embedding.Normalize(output);
        }
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
        var length = vectors[0].Length;
        var columns = new float[length][];
        for (int i = 0; i < length; i++)
        {
            columns[i] = new float[n];
            for (int s = 0; s < n; s++) columns[i][s] = vectors[s][i];
        }
        var scatter = new double[length, length];
        Parallel.For(0, length, i =>
        {
            for (int j = 0; j <= i; j++) scatter[i, j] = scatter[j, i] = TensorPrimitives.Dot(columns[i], columns[j]) / (double)n;
        });
        return Matrix<double>.Build.DenseOfArray(scatter);
    }
}
