using SkiaSharp;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Products;

namespace SmartStore.Vision.Shelves;

/// <summary>One reference photo of a SKU as stored in master data (own or competitor product).</summary>
public sealed record SkuPhoto(string Sku, byte[] Jpeg);

/// <param name="UnknownPercentile">unknown below this percentile of the gallery's leave-one-out genuine similarities (as vision-accuracy).</param>
/// <param name="EmptyPercentile">empty below this percentile of the enrolment photos' edge energy.</param>
/// <param name="EmptyEdgeFactor">multiplies that percentile: the margin between "flatter than almost every product photo" and empty.</param>
public sealed record ShelfGalleryOptions(double UnknownPercentile = 0.05, double EmptyPercentile = 0.01, float EmptyEdgeFactor = 1.0f);

/// <summary>
/// Everything the slot reader needs from the SKU master, built once from the SKUs' reference photos (own and competitor):
/// the embedding gallery (augmented enrolment views + the trained linear layer, as vision-accuracy's recommended setting),
/// the unknown threshold and the empty-slot rule, both calibrated on these photos only — no empty-shelf examples needed.
/// Rebuild when photos change (about 0.05 s per photo: 405 photos in 19 s in display-accuracy; photos already embedded need only <see cref="Build"/>). Read-only after construction: share it between workers.
/// </summary>
public sealed class ShelfGallery
{
    private readonly float[] genuine;   // sorted leave-one-out genuine similarities (one plain view per photo)
    private readonly float[] edges;     // sorted edge energies of the enrolment photos

    private ShelfGallery(ProductGallery products, float[] genuine, float[] edges, ShelfGalleryOptions options, int photos)
    {
        Products = products;
        this.genuine = genuine;
        this.edges = edges;
        Photos = photos;
        UnknownBelow = ProductRecognizer.CalibrateUnknownBelow(genuine, options.UnknownPercentile);
        EmptyEdgeBelow = edges.Length == 0 ? 0 : Percentile(edges, options.EmptyPercentile) * options.EmptyEdgeFactor;
    }

    public ProductGallery Products { get; }
    public int Photos { get; }
    public IEnumerable<string> Skus => Products.Skus;

    /// <summary>Best-match similarity below which a crop is Unknown.</summary>
    public float UnknownBelow { get; }

    /// <summary>
    /// Edge energy (see <see cref="SlotTexture"/>) below which a crop that matches no SKU (similarity below
    /// <see cref="UnknownBelow"/>) is Empty rather than Unknown. A flat crop that does match a SKU (a plain carton) is that SKU.
    /// </summary>
    public float EmptyEdgeBelow { get; }

    /// <summary>Share (0–1) of the gallery's own genuine matches that scored no higher than <paramref name="similarity"/>.</summary>
    public float SimilarityRank(float similarity) => Rank(genuine, similarity);

    /// <summary>Share (0–1) of the enrolment photos whose edge energy is at most <paramref name="edgeEnergy"/>.</summary>
    public float EdgeRank(float edgeEnergy) => Rank(edges, edgeEnergy);

    /// <summary>Embeds every photo and builds the gallery (<see cref="EmbedAll"/>, then <see cref="Build"/>).</summary>
    public static ShelfGallery Enrol(ProductEmbedder embedder, IEnumerable<SkuPhoto> photos, ShelfGalleryOptions? options = null,
        JpegIntake? intake = null, IProgress<int>? progress = null, CancellationToken cancellation = default) =>
        Build(EmbedAll(embedder, photos, intake, progress, cancellation), options);

    /// <summary>Embeds every photo (<see cref="Embed"/>), reporting the count done; keep the result to rebuild without it.</summary>
    public static List<EnrolledPhoto> EmbedAll(ProductEmbedder embedder, IEnumerable<SkuPhoto> photos, JpegIntake? intake = null,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        intake ??= new JpegIntake();
        var embedded = new List<EnrolledPhoto>();
        foreach (var photo in photos)
        {
            cancellation.ThrowIfCancellationRequested();
            embedded.Add(Embed(embedder, photo, intake));
            progress?.Report(embedded.Count);
        }
        return embedded;
    }

    /// <summary>The per-photo part of enrolment, the costly one (21 network passes): keep it to rebuild without it.</summary>
    public static EnrolledPhoto Embed(ProductEmbedder embedder, SkuPhoto photo, JpegIntake intake)
    {
        using var frame = intake.Decode(photo.Jpeg);
        return new EnrolledPhoto(photo.Sku, embedder.EnrolmentViews(frame.Bitmap),
            SlotTexture.EdgeEnergy(frame.Bitmap, new SlotRect(0, 0, frame.Width, frame.Height)));
    }

    /// <summary>Learns the gallery's whitening, trained layer and thresholds from photos already embedded (seconds, not minutes).</summary>
    public static ShelfGallery Build(IReadOnlyCollection<EnrolledPhoto> photos, ShelfGalleryOptions? options = null)
    {
        var products = new ProductGallery(centre: true, learn: true);
        var plain = new ProductGallery(centre: true, learn: false, whiten: false);
        foreach (var photo in photos)
        {
            foreach (var v in photo.Views) products.Enrol(photo.Sku, v);
            plain.Enrol(photo.Sku, photo.Views[0]); // Views[0] is the photo's plain single view
        }
        products.Seal();
        // Leave-one-out on the augmented gallery would compare a photo with its own mirrored / cropped views, so the
        // genuine similarities (and the unknown threshold) come from one plain view per photo.
        var genuine = plain.Count > 1 ? plain.GenuineSimilarities().Order().ToArray() : [];
        return new ShelfGallery(products, genuine, photos.Select(p => p.EdgeEnergy).Order().ToArray(), options ?? new ShelfGalleryOptions(), photos.Count);
    }

    private static float Percentile(float[] sorted, double p) => sorted[(int)Math.Floor(Math.Clamp(p, 0, 1) * (sorted.Length - 1))];

    private static float Rank(float[] sorted, float value)
    {
        if (sorted.Length == 0) return 0;
        int i = Array.BinarySearch(sorted, value);
        if (i < 0) i = ~i; else while (i < sorted.Length && sorted[i] <= value) i++;
        return i / (float)sorted.Length;
    }
}
