using SkiaSharp;
using SmartStore.Vision.Products;

namespace SmartStore.Vision.Shelves;

public enum SlotOutcome
{
    /// <summary>A SKU of the gallery (own or competitor).</summary>
    Sku,
    /// <summary>Something with print on it that matches no SKU well enough (a product not enrolled, a shopper's arm, a sign).</summary>
    Unknown,
    /// <summary>No product: the crop matches no SKU (as Unknown) and is flatter than 99 % of the enrolment photos.</summary>
    Empty,
    /// <summary>The slot drifted (mostly) out of the snapshot; nothing was read. Not an observation.</summary>
    OutOfView,
}

/// <summary>
/// What one slot showed. <see cref="Confidence"/> (0–1) is rank-based against the gallery's own photos: for Sku, the share of
/// genuine reference matches that scored no higher than this crop; for Unknown, the share that scored higher; for Empty,
/// the share of enrolment photos with more edge energy. <see cref="Ranked"/> keeps the best candidates even when the
/// outcome is Unknown or Empty (for the detail page).
/// </summary>
public sealed record SlotReading(string SlotId, string? PlannedSku, SlotOutcome Outcome, string? Sku, float Confidence,
    float Similarity, float EdgeEnergy, SlotRect InSnapshot, IReadOnlyList<ProductMatch> Ranked)
{
    public bool MatchesPlan => Outcome == SlotOutcome.Sku && PlannedSku is not null && Sku == PlannedSku;
}

/// <summary>All the slots of one preset snapshot, with the alignment they were read under.</summary>
public sealed record ShelfReading(AlignmentResult Alignment, IReadOnlyList<SlotReading> Slots);

/// <summary>A SKU found somewhere in a whole image (display-recognition API without a layout).</summary>
public sealed record WholeImageMatch(string Sku, float Similarity, float Confidence, int Windows, SlotRect BestWindow);

/// <summary>
/// Reads a preset snapshot slot by slot: aligns it to the preset's reference, maps each planogram slot into it, and names
/// what the crop shows — a SKU (with confidence), Unknown or Empty. One instance per analysis worker (it uses the worker's
/// <see cref="ProductEmbedder"/>, which is not thread-safe). Cost per slot ≈ one embedding (7 MobileNetV2 passes:
/// centre + whole crop and five regions, plus a colour histogram) + 1 ms texture, about 30 ms; alignment once per snapshot.
/// </summary>
public sealed class SlotReader(ProductEmbedder embedder, ShelfGallery gallery, PresetAlignment? alignment = null)
{
    /// <summary>A slot whose mapped rectangle is less than this share inside the snapshot is OutOfView.</summary>
    public const double MinVisible = 0.6;

    private readonly PresetAlignment alignment = alignment ?? new PresetAlignment();

    /// <summary>The gallery this reader reads against (callers keep a reader while their gallery is current).</summary>
    public ShelfGallery Gallery => gallery;
    private readonly ProductRecognizer recognizer = new(embedder, gallery.Products, gallery.UnknownBelow);

    /// <summary>Aligns the snapshot to the preset's reference, then reads every slot.</summary>
    public ShelfReading Read(SKBitmap snapshot, PresetReference reference, Planogram planogram)
    {
        var aligned = alignment.Align(reference, snapshot);
        return new ShelfReading(aligned, Read(snapshot, planogram, aligned.Transform));
    }

    /// <summary>Reads every slot at its place under <paramref name="transform"/> (identity: the snapshot is the reference's framing).</summary>
    public IReadOnlyList<SlotReading> Read(SKBitmap snapshot, Planogram planogram, PresetTransform transform)
    {
        var result = new List<SlotReading>(planogram.Slots.Count);
        foreach (var slot in planogram.Slots)
            result.Add(ReadCrop(snapshot, transform.Map(slot.Rect), slot.SlotId, slot.PlannedSku));
        return result;
    }

    /// <summary>Reads one rectangle of an image (snapshot pixels) as a slot.</summary>
    public SlotReading ReadCrop(SKBitmap image, SlotRect rect, string slotId = "", string? plannedSku = null)
    {
        var visible = rect.ClipTo(image.Width, image.Height);
        if (rect.Area == 0 || visible.Area < MinVisible * rect.Area || visible.Width < 8 || visible.Height < 8)
            return new SlotReading(slotId, plannedSku, SlotOutcome.OutOfView, null, 0, 0, 0, rect, []);
        var edge = SlotTexture.EdgeEnergy(image, visible);
        var answer = recognizer.Recognize(image, visible.ToSkia());
        var similarity = answer.Similarity;
        // No SKU matches: flat = an empty slot, print on it = something not enrolled (or not a product).
        if (answer.IsUnknown && edge < gallery.EmptyEdgeBelow)
            return new SlotReading(slotId, plannedSku, SlotOutcome.Empty, null, 1 - gallery.EdgeRank(edge), similarity, edge, visible, answer.Ranked);
        if (answer.IsUnknown)
            return new SlotReading(slotId, plannedSku, SlotOutcome.Unknown, null, 1 - gallery.SimilarityRank(similarity), similarity, edge, visible, answer.Ranked);
        return new SlotReading(slotId, plannedSku, SlotOutcome.Sku, answer.Sku, gallery.SimilarityRank(similarity), similarity, edge, visible, answer.Ranked);
    }

    /// <summary>
    /// Whole-image mode (no layout): the image itself plus overlapping square windows of 1/2 and 1/3 of its shorter side
    /// (half-window steps, at most <paramref name="maxWindows"/> in all) are read as slots; each SKU that is some window's
    /// recognised answer is listed once, with its best similarity, best window and how many windows named it.
    /// </summary>
    public IReadOnlyList<WholeImageMatch> ReadWhole(SKBitmap image, int top = 5, int maxWindows = 30)
    {
        var windows = new List<SlotRect> { new(0, 0, image.Width, image.Height) };
        foreach (var fraction in new[] { 2, 3 })
        {
            int side = Math.Min(image.Width, image.Height) / fraction, stride = Math.Max(1, side / 2);
            if (side < 32) continue;
            for (int y = 0; y + side <= image.Height; y += stride)
            for (int x = 0; x + side <= image.Width; x += stride)
                windows.Add(new SlotRect(x, y, side, side));
        }
        if (windows.Count > maxWindows)
        {
            var step = windows.Count / (double)maxWindows; // spread the kept windows evenly, the whole image first
            windows = Enumerable.Range(0, maxWindows).Select(i => windows[(int)(i * step)]).ToList();
        }
        var found = new Dictionary<string, (float Similarity, int Windows, SlotRect Best)>(StringComparer.Ordinal);
        foreach (var w in windows)
        {
            var reading = ReadCrop(image, w);
            if (reading.Outcome != SlotOutcome.Sku) continue;
            var sku = reading.Sku!;
            found[sku] = found.TryGetValue(sku, out var f)
                ? (Math.Max(f.Similarity, reading.Similarity), f.Windows + 1, reading.Similarity > f.Similarity ? w : f.Best)
                : (reading.Similarity, 1, w);
        }
        return found.OrderByDescending(kv => kv.Value.Similarity).Take(top)
            .Select(kv => new WholeImageMatch(kv.Key, kv.Value.Similarity, gallery.SimilarityRank(kv.Value.Similarity), kv.Value.Windows, kv.Value.Best))
            .ToList();
    }
}
