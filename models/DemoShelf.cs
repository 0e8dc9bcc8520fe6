namespace SmartStore.Models;

/// <summary>
/// The demo chain's shelves: which products stand on each preset of each demo shelf dome. The simulator photographs
/// these shelves and the demo seeding plans them, so both must agree; the choice is a fixed function of camera and preset.
/// Names are grocery-store classes (the demo SKUs are named after them).
/// </summary>
public static class DemoShelf
{
    public const int Rows = 2, Columns = 3;

    /// <summary>The chain's own packaged products, the ones its planograms plan.</summary>
    public static readonly string[] Planned =
    [
        "Arla-Standard-Milk", "Arla-Medium-Fat-Milk", "Arla-Sour-Cream", "Arla-Natural-Yoghurt",
        "God-Morgon-Orange-Juice", "God-Morgon-Apple-Juice", "Arla-Mild-Vanilla-Yoghurt", "Arla-Sour-Milk",
    ];

    /// <summary>Competitor products that sometimes stand in an own product's slot.</summary>
    public static readonly string[] Intruders = ["Oatly-Oat-Milk", "Alpro-Fresh-Soy-Milk", "Tropicana-Apple-Juice", "Yoggi-Vanilla-Yoghurt"];

    /// <summary>Row by row, <see cref="Rows"/> × <see cref="Columns"/> planned products of a preset.</summary>
    public static IReadOnlyList<string> Products(string cameraCode, int preset)
    {
        var seed = cameraCode.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7fffffff;
        return Enumerable.Range(0, Rows * Columns).Select(i => Planned[(seed + preset * 3 + i * 5) % Planned.Length]).ToList();
    }

    /// <summary>Store-level slot id of a slot of a preset (one dome per demo store, so preset + position is unique).</summary>
    public static string SlotId(int preset, int index) => $"P{preset}-R{index / Columns + 1}C{index % Columns + 1}";

    /// <summary>Photos of a product in the grocery-store set (train split), in file order.</summary>
    public static IReadOnlyList<string> Photos(string groceryStoreFolder, string product)
    {
        var train = Path.Combine(groceryStoreFolder, "images", "train");
        if (!Directory.Exists(train)) return [];
        var folder = Directory.GetDirectories(train, product, SearchOption.AllDirectories).FirstOrDefault();
        return folder is null ? [] : Directory.GetFiles(folder, "*.jpg").Order(StringComparer.Ordinal).ToList();
    }
}
