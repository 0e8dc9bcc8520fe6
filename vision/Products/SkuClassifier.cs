using System.Numerics.Tensors;

namespace SmartStore.Vision.Products;

/// <summary>
/// A linear softmax layer over gallery-space embeddings, trained on the enrolment photos only (the chain's
/// own SKU pictures). Nearest-neighbour trusts every feature dimension equally; the trained layer learns
/// which dimensions separate this chain's SKUs, which lifted top-1 markedly in vision-accuracy (setting b).
/// </summary>
public sealed class SkuClassifier
{
    /// <summary>SKUs a sample's softmax weighs it against besides its own (see <see cref="Train"/>).</summary>
    public const int DefaultRivals = 40;

    private readonly string[] skus;
    private readonly float[][] weights;
    private readonly float[] bias;
    private readonly float[][] means;   // each SKU's mean entry, normalised: the shortlist is read from them
    private readonly int shortlist;

    private SkuClassifier(string[] skus, float[][] weights, float[] bias, float[][] means, int shortlist)
    {
        this.skus = skus;
        this.weights = weights;
        this.bias = bias;
        this.means = means;
        this.shortlist = shortlist;
    }

    public IReadOnlyList<string> Skus => skus;

    /// <summary>
    /// Full-batch-free SGD with L2 decay; deterministic (fixed shuffle seed) so enrolment is reproducible. The decay
    /// shrinks every SKU's weights alike at each step, so it is kept as one shared factor (weights = shrink · stored)
    /// rather than applied to all of them per step: the step then costs one pass over the weights, not two.
    /// Each sample's softmax runs over its own SKU and the <paramref name="rivals"/> SKUs whose mean entry is nearest to
    /// it, not over every SKU: the SKUs a photo could be taken for are the ones the layer must learn to tell apart, and a
    /// step then costs the same however large the SKU master (all SKUs when there are no more than that). A query is
    /// scored the same way, over the rivals + 1 SKUs whose mean is nearest to it: a SKU the layer never weighed a photo
    /// against has no say on that photo's look-alikes.
    /// </summary>
    public static SkuClassifier Train(IReadOnlyList<(string Sku, float[] X)> samples, int epochs = 60, float learningRate = 1.0f,
        float decay = 1e-4f, float scale = 1f, int rivals = DefaultRivals)
    {
        var skus = samples.Select(s => s.Sku).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = skus.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var labels = samples.Select(s => index[s.Sku]).ToArray();
        var means = Means(samples, labels, skus.Length);
        var candidates = Candidates(samples, labels, means, rivals);
        var dims = samples[0].X.Length;
        var w = Enumerable.Range(0, skus.Length).Select(_ => new float[dims]).ToArray();
        var b = new float[skus.Length];
        var logits = new float[candidates[0].Length];
        var x = new float[dims];
        var order = Enumerable.Range(0, samples.Count).ToArray();
        var rng = new Random(17);
        double shrink = 1;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            var lr = learningRate * (1 - epoch / (float)epochs) + 0.01f;
            foreach (var n in order)
            {
                var these = candidates[n]; // these[0] is the sample's own SKU
                TensorPrimitives.Multiply(samples[n].X, scale, x);
                for (int k = 0; k < these.Length; k++) logits[k] = (float)shrink * TensorPrimitives.Dot(w[these[k]], x) + b[these[k]];
                TensorPrimitives.SoftMax(logits, logits);
                logits[0] -= 1f; // gradient of cross-entropy w.r.t. logits
                shrink *= 1 - lr * decay;
                for (int k = 0; k < these.Length; k++)
                {
                    var g = logits[k];
                    if (Math.Abs(g) < 1e-5f) continue;
                    TensorPrimitives.MultiplyAdd(x, (float)(-lr * g / shrink), w[these[k]], w[these[k]]);
                    b[these[k]] -= lr * g;
                }
                if (shrink < 1e-3) Rescale(w, ref shrink);
            }
        }
        Rescale(w, ref shrink);
        for (int c = 0; c < skus.Length; c++) TensorPrimitives.Multiply(w[c], scale, w[c]);
        return new SkuClassifier(skus, w, b, means, Math.Min(rivals + 1, skus.Length));
    }

    private static float[][] Means(IReadOnlyList<(string Sku, float[] X)> samples, int[] labels, int skuCount)
    {
        var means = Enumerable.Range(0, skuCount).Select(_ => new float[samples[0].X.Length]).ToArray();
        for (int n = 0; n < samples.Count; n++) TensorPrimitives.Add(means[labels[n]], samples[n].X, means[labels[n]]);
        foreach (var m in means) Embedding.Normalize(m);
        return means;
    }

    /// <summary>SKUs each sample's softmax runs over: its own first, then the rivals nearest to it by SKU mean entry.</summary>
    private static int[][] Candidates(IReadOnlyList<(string Sku, float[] X)> samples, int[] labels, float[][] means, int rivals)
    {
        rivals = Math.Min(rivals, means.Length - 1);
        var result = new int[samples.Count][];
        for (int n = 0; n < samples.Count; n++)
        {
            var own = labels[n];
            result[n] = [own, .. Nearest(means, samples[n].X, rivals + 1).Where(c => c != own).Take(rivals)];
        }
        return result;
    }

    /// <summary>Indices of the <paramref name="count"/> SKU means nearest to x, nearest first.</summary>
    private static int[] Nearest(float[][] means, ReadOnlySpan<float> x, int count)
    {
        var similarity = new float[means.Length];
        var order = new int[means.Length];
        for (int c = 0; c < means.Length; c++) (similarity[c], order[c]) = (-TensorPrimitives.Dot(means[c], x), c);
        Array.Sort(similarity, order);
        return order[..Math.Min(count, means.Length)];
    }

    /// <summary>Folds the shared shrink factor into the stored weights (before it underflows, and at the end).</summary>
    private static void Rescale(float[][] w, ref double shrink)
    {
        foreach (var row in w) TensorPrimitives.Multiply(row, (float)shrink, row);
        shrink = 1;
    }

    /// <summary>
    /// Logit per shortlisted SKU (the rivals + 1 whose mean entry is nearest, every SKU in a small gallery) for a
    /// gallery-space (centred, normalised) embedding.
    /// </summary>
    public Dictionary<string, float> Score(ReadOnlySpan<float> x)
    {
        var listed = shortlist >= skus.Length ? Enumerable.Range(0, skus.Length).ToArray() : Nearest(means, x, shortlist);
        var result = new Dictionary<string, float>(listed.Length, StringComparer.Ordinal);
        foreach (var c in listed) result[skus[c]] = TensorPrimitives.Dot(weights[c], x) + bias[c];
        return result;
    }
}
