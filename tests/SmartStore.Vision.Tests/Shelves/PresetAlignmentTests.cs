using SkiaSharp;
using SmartStore.Bench.Display;
using SmartStore.Vision.Shelves;
using Xunit;

namespace SmartStore.Vision.Tests.Shelves;

public sealed class PresetAlignmentTests
{
    private const string Photo = "Arla-Standard-Milk";

    [Theory]
    [InlineData(11, -7)]
    [InlineData(-14, 12)]
    [InlineData(0, 0)]
    public async Task RecoversAKnownShiftOfARealShelfPhoto(int dx, int dy)
    {
        using var photo = await ShelfImages.DecodeAsync((await ShelfImages.PhotosOfAsync(Photo))[0]);
        // Reference = a 300x300 window; the snapshot = the same-size window moved by (dx, dy): a reference pixel p is at p - (dx, dy).
        using var reference = ShelfImages.Cut(photo, SKRect.Create(24, 24, 300, 300), 300, 300);
        using var snapshot = ShelfImages.Cut(photo, SKRect.Create(24 + dx, 24 + dy, 300, 300), 300, 300);

        var result = new PresetAlignment().Align(PresetReference.Of(reference), snapshot);

        Assert.True(result.Reliable, $"score {result.Score:0.00}");
        Assert.InRange(result.Transform.ScaleX, 0.99, 1.01);
        Assert.InRange(result.Transform.OffsetX, -dx - 1.5, -dx + 1.5);
        Assert.InRange(result.Transform.OffsetY, -dy - 1.5, -dy + 1.5);
    }

    [Fact]
    public async Task RecoversAZoomAndShiftAtADifferentResolution()
    {
        using var photo = await ShelfImages.DecodeAsync((await ShelfImages.PhotosOfAsync(Photo))[3]);
        using var reference = ShelfImages.Cut(photo, SKRect.Create(24, 24, 300, 300), 300, 300);
        // The dome came back zoomed out ~5 % and off-centre, and streams at 240x240: the 316-px window (10, 18) fills it.
        const float region = 316, side = 240;
        using var snapshot = ShelfImages.Cut(photo, SKRect.Create(10, 18, region, region), (int)side, (int)side);
        var s = side / region;

        var result = new PresetAlignment().Align(PresetReference.Of(reference), snapshot);

        // Where reference corners really are in the snapshot: (p + 24 - (10, 18)) · s.
        foreach (var (x, y) in new[] { (0, 0), (300, 0), (0, 300), (300, 300), (150, 150) })
        {
            var (mx, my) = result.Transform.Map(x, y);
            Assert.InRange(mx, (x + 14) * s - 2, (x + 14) * s + 2);
            Assert.InRange(my, (y + 6) * s - 2, (y + 6) * s + 2);
        }
    }

    [Fact]
    public async Task AlignsAShelfOfRealPackshotsAndScoresAnotherViewLow()
    {
        var files = await ShelfImages.PhotosOfAsync("Tropicana-Apple-Juice");
        var tiles = new List<SKBitmap?>();
        foreach (var f in files.Take(4)) tiles.Add(await ShelfImages.DecodeAsync(f));
        var slots = Enumerable.Range(0, 4).Select(i => SKRectI.Create(40 + i * 250, 40, 230, 230)).ToList();
        using var reference = ShelfImages.Shelf(tiles, slots, 1080, 330);
        using var moved = ShelfImages.Shelf(tiles, slots, 1080, 330, dx: 31, dy: -12);   // ~3 % of the width
        using var other = await ShelfImages.DecodeAsync((await ShelfImages.PhotosOfAsync("Banana"))[0]);

        var alignment = new PresetAlignment();
        var prepared = PresetReference.Of(reference);
        var result = alignment.Align(prepared, moved);
        var wrong = alignment.Align(prepared, other);

        Assert.InRange(result.Transform.OffsetX, 31 - 2, 31 + 2);
        Assert.InRange(result.Transform.OffsetY, -12 - 2, -12 + 2);
        Assert.True(result.Score > result.IdentityScore + 0.2, $"score {result.Score:0.00} vs unmoved {result.IdentityScore:0.00}");
        Assert.False(wrong.Reliable, $"an unrelated photo aligned with score {wrong.Score:0.00}");
        foreach (var t in tiles) t?.Dispose();
    }

    /// <summary>
    /// Shelf 222 of a display-accuracy run: a 3 × 4 shelf whose reference holds enrolment photos and whose snapshot holds
    /// other photos of the same SKUs, drifted (−37, 7) px and zoomed 0.983. At 120 px wide a look-alike about half a slot
    /// to the left scored 0.360 against the truth's 0.356, and only the leader was refined: every slot was read half a
    /// slot off. Near-ties are now refined together until a finer level separates them.
    /// </summary>
    [Fact]
    public async Task ANearTieWithALookAlikeHalfASlotAwayIsDecidedAtAFinerLevel()
    {
        (string Sku, int Reference, string Shelved)[] slots =
        [
            ("Lemon", 0, "Fruit/Lemon/Lemon_013"), ("Pink-Lady", 1, "Fruit/Apple/Pink-Lady/Pink-Lady_021"),
            ("Solid-Potato", 2, "Vegetables/Potato/Solid-Potato/Solid-Potato_013"), ("Garlic", 3, "Vegetables/Garlic/Garlic_015"),
            ("Arla-Natural-Mild-Low-Fat-Yoghurt", 2, "Packages/Yoghurt/Arla-Natural-Mild-Low-Fat-Yoghurt/Arla-Natural-Mild-Low-Fat-Yoghurt_013"),
            ("Granny-Smith", 4, "Fruit/Apple/Granny-Smith/Granny-Smith_017"), ("Honeydew-Melon", 2, "Fruit/Melon/Honeydew-Melon/Honeydew-Melon_009"),
            ("Anjou", 0, "Fruit/Pear/Anjou/Anjou_028"), ("Banana", 2, "Fruit/Banana/Banana_036"), ("Pineapple", 2, "Fruit/Pineapple/Pineapple_020"),
            ("Alpro-Blueberry-Soyghurt", 4, "Packages/Soyghurt/Alpro-Blueberry-Soyghurt/Alpro-Blueberry-Soyghurt_009"),
            ("Orange-Bell-Pepper", 2, "Vegetables/Pepper/Orange-Bell-Pepper/Orange-Bell-Pepper_015"),
        ];
        var planned = new List<SKBitmap?>();
        var shelved = new List<SKBitmap?>();
        foreach (var (sku, reference, file) in slots)
        {
            planned.Add(await ShelfImages.DecodeAsync((await ShelfImages.PhotosOfAsync(sku))[reference]));
            shelved.Add(await ShelfImages.DecodeAsync($"images/train/{file}.jpg"));
        }
        const int side = 300, gap = 20, board = 36, margin = 40, width = 1340, height = 1128;
        var layout = Enumerable.Range(0, 12).Select(i => SKRectI.Create(margin + i % 4 * (side + gap), margin + i / 4 * (side + board + gap), side, side)).ToList();
        const double dx = -37.2586, dy = 7.1587, zoom = 0.98271;
        using var referenceImage = ShelfCanvas.Draw(planned, layout, width, height, 1, 0, 0);
        using var snapshot = ShelfCanvas.Draw(shelved, layout, width, height, zoom, dx, dy);

        var result = new PresetAlignment().Align(PresetReference.Of(referenceImage), snapshot);

        // snapshot = zoom · (p − c) + c + (dx, dy), checked at every slot's corners.
        foreach (var slot in layout)
        foreach (var (x, y) in new[] { (slot.Left, slot.Top), (slot.Right, slot.Bottom) })
        {
            var (mx, my) = result.Transform.Map(x, y);
            Assert.InRange(mx, zoom * (x - width / 2.0) + width / 2.0 + dx - 3, zoom * (x - width / 2.0) + width / 2.0 + dx + 3);
            Assert.InRange(my, zoom * (y - height / 2.0) + height / 2.0 + dy - 3, zoom * (y - height / 2.0) + height / 2.0 + dy + 3);
        }
        foreach (var b in planned.Concat(shelved)) b?.Dispose();
    }
}
