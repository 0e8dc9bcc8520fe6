using System.Numerics.Tensors;

namespace SmartStore.Vision.Products;

/// <summary>
/// Reference embeddings per SKU (iconic pictures and/or in-store enrolment photos). Similarities are measured
/// after subtracting the gallery's mean embedding: generic ImageNet features share a large common component
/// (every pack on a shelf "looks like a shelf"), and removing it spreads the SKUs apart.
/// </summary>
public sealed class ProductGallery
{
    private readonly List<(string Sku, float[] Raw)> entries = [];
    private float[][] centred = [];
    private float[] mean = [];
    private bool sealedUp;

    private SkuClassifier? classifier;

    /// <param name="centre">subtract the gallery mean before cosine.</param>
    /// <param name="learn">train a SkuClassifier on the enrolled photos when every SKU has at least two.</param>
    public ProductGallery(bool centre = true, bool learn = true)
    {
        Centre = centre;
        Learn = learn;
    }

    public bool Centre { get; }
    public bool Learn { get; }
    public bool HasClassifier => classifier is not null;
    public int Count => entries.Count;
    public IEnumerable<string> Skus => entries.Select(e => e.Sku).Distinct();

    public void Enrol(string sku, float[] embedding)
    {
        entries.Add((sku, (float[])embedding.Clone()));
        sealedUp = false;
    }

    /// <summary>Recomputes the centring after enrolment; Rank calls it when needed.</summary>
    public void Seal()
    {
        var dims = entries.Count == 0 ? 0 : entries[0].Raw.Length;
        mean = new float[dims];
        if (Centre && entries.Count > 1)
        {
            foreach (var (_, raw) in entries) TensorPrimitives.Add(mean, raw, mean);
            TensorPrimitives.Divide(mean, entries.Count, mean);
        }
        centred = entries.Select(e => Project(e.Raw)).ToArray();
        var perSku = entries.GroupBy(e => e.Sku).Select(g => g.Count()).DefaultIfEmpty(0).Min();
        classifier = Learn && perSku >= 2 && entries.Select(e => e.Sku).Distinct().Count() >= 2
            ? SkuClassifier.Train(entries.Select((e, i) => (e.Sku, centred[i])).ToList())
            : null;
        sealedUp = true;
    }

    /// <summary>The query embedding in the gallery's space (centred, normalised).</summary>
    public float[] Project(ReadOnlySpan<float> embedding)
    {
        var v = embedding.ToArray();
        if (mean.Length == v.Length) TensorPrimitives.Subtract(v, mean, v);
        Embedding.Normalize(v);
        return v;
    }

    /// <summary>
    /// SKUs ranked by the trained classifier when there is one, else by their best-matching reference.
    /// Similarity is always the cosine to the SKU's closest reference, which the unknown threshold reads.
    /// </summary>
    public IReadOnlyList<ProductMatch> Rank(ReadOnlySpan<float> embedding, int top = 5)
    {
        if (!sealedUp) Seal();
        var q = Project(embedding);
        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        for (int i = 0; i < centred.Length; i++)
        {
            var s = Embedding.Cosine(q, centred[i]);
            var sku = entries[i].Sku;
            if (!best.TryGetValue(sku, out var b) || s > b) best[sku] = s;
        }
        if (classifier is null)
            return best.OrderByDescending(kv => kv.Value).Take(top).Select(kv => new ProductMatch(kv.Key, kv.Value)).ToList();
        var logits = classifier.Score(q);
        return logits.OrderByDescending(kv => kv.Value).Take(top).Select(kv => new ProductMatch(kv.Key, best[kv.Key])).ToList();
    }

    /// <summary>
    /// Leave-one-out similarity of each enrolled photo to its own SKU's other photos. Genuine shelf crops
    /// resemble their references about this much; the unknown threshold is set from the low tail.
    /// </summary>
    public IReadOnlyList<float> GenuineSimilarities()
    {
        if (!sealedUp) Seal();
        var result = new List<float>();
        for (int i = 0; i < centred.Length; i++)
        {
            var best = float.NegativeInfinity;
            for (int j = 0; j < centred.Length; j++)
                if (j != i && entries[j].Sku == entries[i].Sku) best = Math.Max(best, Embedding.Cosine(centred[i], centred[j]));
            if (!float.IsNegativeInfinity(best)) result.Add(best);
        }
        return result;
    }
}
