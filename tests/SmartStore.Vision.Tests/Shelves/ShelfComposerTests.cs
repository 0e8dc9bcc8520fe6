using Xunit;
using SmartStore.Models;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Shelves;

namespace SmartStore.Vision.Tests.Shelves;

public sealed class ShelfComposerTests
{
    [Fact]
    public void A_composed_shelf_has_its_products_in_the_slots_and_bare_panel_where_one_is_missing()
    {
        var grocery = Path.Combine(SharedFiles.Data, "grocery-store");
        var products = DemoShelf.Products("S0001", 1);
        Assert.Equal(DemoShelf.Rows * DemoShelf.Columns, products.Count);
        var photos = products.Select(p => (byte[]?)File.ReadAllBytes(DemoShelf.Photos(grocery, p)[0])).ToList();
        photos[4] = null;

        var jpeg = ShelfComposer.Compose(photos, DemoShelf.Rows, DemoShelf.Columns);
        using var frame = new JpegIntake().Decode(jpeg);
        var (width, height) = ShelfComposer.Size(DemoShelf.Rows, DemoShelf.Columns);
        Assert.Equal((width, height), (frame.Width, frame.Height));

        var energies = Enumerable.Range(0, photos.Count).Select(i => SlotTexture.EdgeEnergy(frame.Bitmap, ShelfComposer.Slot(i, DemoShelf.Columns))).ToList();
        // The empty slot is bare panel: far less texture than any slot with a product in it.
        Assert.True(energies[4] * 3 < energies.Where((_, i) => i != 4).Min(), string.Join(", ", energies));
    }

    [Fact]
    public void The_demo_plan_is_a_fixed_function_of_store_and_face()
    {
        Assert.Equal(DemoShelf.Products("S0007", 2), DemoShelf.Products("S0007", 2));
        Assert.NotEqual(DemoShelf.Products("S0007", 1), DemoShelf.Products("S0007", 2));
        Assert.Equal("F2-R2C3", DemoShelf.SlotId(2, 5));
        // The large store's second dome starts on the face the first dome ends on: one face, one set of slot ids.
        Assert.Equal(DemoShelf.FaceOf("CAM-S0001-P1", 4), DemoShelf.FaceOf("CAM-S0001-P2", 1));
    }
}
