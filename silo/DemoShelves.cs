using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Intake;
using SmartStore.Vision.Shelves;

namespace SmartStore.Silo;

/// <summary>
/// Demo shelf setup, as an installer would do it in a new chain: reference photos for the demo SKUs (the first three
/// grocery-store photos of each product, MIT-licensed, read from the shared data at run time) and a planogram for every
/// preset of every demo shelf dome, planned from <see cref="DemoShelf"/>. Existing photos and planograms are left alone.
/// </summary>
public static class DemoShelves
{
    public static async Task Seed(SmartStoreDatabase database, string dataDirectory, Action<string> progress)
    {
        var grocery = Path.Combine(dataDirectory, "grocery-store");
        if (!Directory.Exists(grocery)) { progress("demo shelves: no grocery-store images, skipped"); return; }
        var skus = new SkuRepository(database);
        // The demo SKUs are named after the products (an imported SKU may share a name: the demo's code sorts first).
        var codes = (await skus.List(null, null, null, 1, 1000)).Items.GroupBy(s => s.Name.Replace(' ', '-'))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Code, StringComparer.Ordinal).First().Code);
        var intake = new JpegIntake();
        var photosAdded = 0;
        foreach (var product in DemoShelf.Planned.Concat(DemoShelf.Intruders))
        {
            if (!codes.TryGetValue(product, out var code) || (await skus.Photos(code)).Count > 0) continue;
            foreach (var file in DemoShelf.Photos(grocery, product).Take(3))
            {
                var jpeg = await File.ReadAllBytesAsync(file);
                var (width, height) = intake.Inspect(jpeg);
                await skus.AddPhoto(code, jpeg, width, height, "demo");
                photosAdded++;
            }
        }
        var planograms = new PlanogramRepository(database);
        var cameras = new CameraRepository(database);
        var planned = 0;
        foreach (var camera in (await cameras.List(AccessScope.Everything(Role.HqAdmin), null, "CAM-S", 1, 1000)).Items.Where(c => c.Kind == CameraKind.Shelf))
            foreach (var (preset, face) in DemoShelf.Presets(camera.Code))
            {
                if (camera.Presets.All(p => p.Number != preset) || await planograms.Find(camera.Code, preset) is not null) continue;
                var products = DemoShelf.Products(DemoShelf.StoreOf(camera.Code), face);
                var photos = products.Select(p => DemoShelf.Photos(grocery, p).FirstOrDefault()).ToList();
                if (photos.Any(p => p is null)) continue;
                var reference = ShelfComposer.Compose(photos.Select(p => (byte[]?)File.ReadAllBytes(p!)).ToList(), DemoShelf.Rows, DemoShelf.Columns);
                var (width, height) = ShelfComposer.Size(DemoShelf.Rows, DemoShelf.Columns);
                var slots = products.Select((p, i) =>
                {
                    var rect = ShelfComposer.Slot(i, DemoShelf.Columns);
                    return new PlanogramSlot(DemoShelf.SlotId(face, i), codes.GetValueOrDefault(p), rect.X, rect.Y, rect.Width, rect.Height);
                }).ToList();
                await planograms.Save(camera.Code, preset, reference, width, height, slots, "demo");
                planned++;
            }
        progress($"demo shelves: {photosAdded} SKU reference photos, {planned} planograms");
    }
}
