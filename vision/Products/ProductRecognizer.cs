using SkiaSharp;

namespace SmartStore.Vision.Products;

/// <summary>
/// Names the SKU in a shelf crop by nearest reference in the gallery, or says unknown. Unknown matters as much
/// as a right answer: competitor products and non-products (a shopper's arm, an empty slot) must not be
/// reported as one of our SKUs.
/// </summary>
public sealed class ProductRecognizer(ProductEmbedder embedder, ProductGallery gallery, float unknownBelow, ProductViews views = ProductViews.Default)
{
    /// <summary>Used when the gallery has too few photos to calibrate from (fewer than 10 genuine pairs).</summary>
    public const float FallbackUnknownBelow = 0.25f;

    public float UnknownBelow { get; } = unknownBelow;
    public ProductGallery Gallery => gallery;

    /// <summary>
    /// Never calibrate below this: a gallery mixing studio shots with shelf photos has a genuine low tail near
    /// zero, and a threshold there would let anything through. Measured with the default embedding (regions +
    /// colour): person crops from pets2009-s2l1 scored at most 0.229 against the 81-SKU vision-accuracy gallery
    /// (calibrated threshold 0.325) and at most 0.192 against the demo chain's 12-SKU, 36-photo gallery, whose own
    /// calibration falls below this floor. There 0.20 accepts 92 of 108 unseen photos of the SKUs (8 wrong),
    /// 0.25 only 77 (5 wrong).
    /// </summary>
    public const float MinimumUnknownBelow = 0.20f;

    /// <summary>Threshold = a low percentile of the gallery's leave-one-out genuine similarities (floored).</summary>
    public static float CalibrateUnknownBelow(ProductGallery gallery, double percentile = 0.05) =>
        CalibrateUnknownBelow(gallery.GenuineSimilarities().Order().ToArray(), percentile);

    /// <summary>The same rule on genuine similarities already sorted ascending.</summary>
    public static float CalibrateUnknownBelow(IReadOnlyList<float> sortedGenuine, double percentile = 0.05)
    {
        if (sortedGenuine.Count < 10) return FallbackUnknownBelow;
        return Math.Max(MinimumUnknownBelow, sortedGenuine[(int)Math.Floor(Math.Clamp(percentile, 0, 1) * (sortedGenuine.Count - 1))]);
    }

    public ProductRecognition Recognize(SKBitmap image, SKRectI? crop = null, int top = 5) =>
        Recognize(embedder.Embed(image, crop, views), top);

    public ProductRecognition Recognize(float[] embedding, int top = 5)
    {
        var ranked = gallery.Rank(embedding, top);
        if (ranked.Count == 0 || ranked[0].Similarity < UnknownBelow) return new ProductRecognition(null, ranked.Count == 0 ? 0 : ranked[0].Similarity, ranked);
        return new ProductRecognition(ranked[0].Sku, ranked[0].Similarity, ranked);
    }
}
