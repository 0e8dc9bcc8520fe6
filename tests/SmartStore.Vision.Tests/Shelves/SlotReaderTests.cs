using SkiaSharp;
using SmartStore.Vision.Products;
using SmartStore.Vision.Shelves;
using Xunit;

namespace SmartStore.Vision.Tests.Shelves;

public sealed class SlotReaderTests
{
    private static readonly string[] Classes = ["Tropicana-Apple-Juice", "Arla-Standard-Milk", "Oatly-Oat-Milk", "Alpro-Blueberry-Soyghurt"];

    [Fact]
    public void GridCoversTheShelfAndKeepsGapsAndIds()
    {
        var plan = Planogram.Grid(1000, 600, new SlotRect(100, 50, 800, 500), rows: 2, columns: 4, planned: (r, c) => $"SKU{r}{c}", gap: 10, idPrefix: "A-");

        Assert.Equal(8, plan.Slots.Count);
        Assert.Equal(new SlotRect(100, 50, 195, 245), plan.Slots[0].Rect);
        Assert.Equal("A-R1C1", plan.Slots[0].SlotId);
        Assert.Equal("SKU13", plan.Find("A-R2C4")!.PlannedSku);
        Assert.Equal(900, plan.Find("A-R1C4")!.Rect.Right);
        Assert.Equal(550, plan.Find("A-R2C1")!.Rect.Bottom);
        Assert.Equal(10, plan.Find("A-R1C2")!.Rect.X - plan.Find("A-R1C1")!.Rect.Right);

        var adjusted = plan.WithSlot(new ShelfSlot("A-R1C1", "OTHER", new SlotRect(90, 50, 205, 245))).Without("A-R2C4");
        Assert.Equal(7, adjusted.Slots.Count);
        Assert.Equal("OTHER", adjusted.Find("A-R1C1")!.PlannedSku);
        Assert.Throws<ArgumentException>(() => new Planogram(100, 100, [new ShelfSlot("x", null, new SlotRect(0, 0, 10, 10)), new ShelfSlot("x", null, new SlotRect(20, 0, 10, 10))]));
        Assert.Throws<ArgumentException>(() => new Planogram(100, 100, [new ShelfSlot("x", null, new SlotRect(80, 80, 50, 50))]));
    }

    [Fact]
    public void TransformMapsSlotsIntoTheSnapshot()
    {
        var t = new PresetTransform(0.5, 0.5, 10, -4);
        Assert.Equal(new SlotRect(60, 46, 50, 25), t.Map(new SlotRect(100, 100, 100, 50)));
        Assert.Equal(new SlotRect(0, 0, 20, 30), new SlotRect(-10, -5, 30, 35).ClipTo(100, 100));
    }

    /// <summary>
    /// A drifted snapshot of a five-slot shelf (four real packs and one empty slot): after alignment each slot's crop
    /// lands on its own pack (±2 px) and is read as that SKU; the empty slot is Empty; a slot that drifted off the frame is
    /// OutOfView. Crops half a slot off would read a neighbour or the shelf board.
    /// </summary>
    [Fact]
    public async Task ReadsEachSlotOfADriftedShelf()
    {
        var photos = new List<SkuPhoto>();
        var tiles = new List<SKBitmap?>();
        foreach (var c in Classes)
        {
            var files = await ShelfImages.PhotosOfAsync(c);
            foreach (var f in files.Take(3)) photos.Add(new SkuPhoto(c, await SharedFiles.BytesAsync(ShelfImages.Set, f)));
            tiles.Add(await ShelfImages.DecodeAsync(files[12])); // a photo the gallery has not seen
        }
        tiles.Insert(2, null); // slot 3 is empty
        var rects = Enumerable.Range(0, 5).Select(i => SKRectI.Create(40 + i * 250, 40, 230, 230)).ToList();
        using var reference = ShelfImages.Shelf(tiles, rects, 1320, 330);
        const int dx = -26, dy = 9;
        using var snapshot = ShelfImages.Shelf(tiles, rects, 1320, 330, dx, dy);
        var planned = new[] { Classes[0], Classes[1], Classes[2], Classes[2], Classes[3] };
        var plan = new Planogram(1320, 330, rects.Select((r, i) => new ShelfSlot($"S{i + 1}", planned[i], new SlotRect(r.Left, r.Top, r.Width, r.Height)))
            .Append(new ShelfSlot("EDGE", null, new SlotRect(0, 40, 20, 200))).ToList());

        using var embedder = new ProductEmbedder(SharedFiles.Models);
        var gallery = ShelfGallery.Enrol(embedder, photos);
        var reader = new SlotReader(embedder, gallery);
        var reading = reader.Read(snapshot, PresetReference.Of(reference), plan);

        Assert.True(reading.Alignment.Reliable);
        var expected = new[] { Classes[0], Classes[1], null, Classes[2], Classes[3] };
        for (int i = 0; i < 5; i++)
        {
            var slot = reading.Slots[i];
            Assert.InRange(slot.InSnapshot.X, rects[i].Left + dx - 2, rects[i].Left + dx + 2);
            Assert.InRange(slot.InSnapshot.Y, rects[i].Top + dy - 2, rects[i].Top + dy + 2);
            if (expected[i] is null)
                Assert.True(slot.Outcome == SlotOutcome.Empty, $"slot {slot.SlotId}: {slot.Outcome} {slot.Sku} edge {slot.EdgeEnergy:0.0} (empty below {gallery.EmptyEdgeBelow:0.0})");
            else
                Assert.True(slot.Outcome == SlotOutcome.Sku && slot.Sku == expected[i],
                    $"slot {slot.SlotId}: {slot.Outcome} {slot.Sku} sim {slot.Similarity:0.00} edge {slot.EdgeEnergy:0.0}; expected {expected[i]}");
        }
        Assert.True(reading.Slots[0].MatchesPlan);
        Assert.False(reading.Slots[2].MatchesPlan);
        Assert.Equal(SlotOutcome.OutOfView, reading.Slots[5].Outcome);

        var whole = reader.ReadWhole(tiles[0]!, maxWindows: 6);
        Assert.Equal(Classes[0], whole[0].Sku);
        foreach (var t in tiles) t?.Dispose();
    }
}
