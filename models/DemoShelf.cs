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

    /// <summary>
    /// The presets of a demo dome and the shelf face each shows. A small store's one dome (…-P1) patrols four faces; a
    /// large store's second dome (…-P2) patrols three more, its first on face 4, which the first dome's last preset sees
    /// too: six faces, one seen by both domes, so the store's shelf snapshot must count that face once.
    /// </summary>
    public static IReadOnlyList<(int Preset, int Face)> Presets(string cameraCode) =>
        cameraCode.EndsWith("-P2", StringComparison.Ordinal) ? [(1, 4), (2, 5), (3, 6)] : [(1, 1), (2, 2), (3, 3), (4, 4)];

    public static int FaceOf(string cameraCode, int preset) => Presets(cameraCode).FirstOrDefault(p => p.Preset == preset).Face;

    /// <summary>Row by row, <see cref="Rows"/> × <see cref="Columns"/> planned products of one face of a store.</summary>
    public static IReadOnlyList<string> Products(string storeCode, int face)
    {
        var seed = storeCode.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7fffffff;
        return Enumerable.Range(0, Rows * Columns).Select(i => Planned[(seed + face * 3 + i * 5) % Planned.Length]).ToList();
    }

    /// <summary>Store-level slot id: the face and the position on it, the same whichever dome sees it.</summary>
    public static string SlotId(int face, int index) => $"F{face}-R{index / Columns + 1}C{index % Columns + 1}";

    /// <summary>The store a demo camera belongs to (CAM-S0001-P1 → S0001).</summary>
    public static string StoreOf(string cameraCode) => cameraCode.Split('-')[1];

    /// <summary>Photos of a product in the grocery-store set (train split), in file order.</summary>
    public static IReadOnlyList<string> Photos(string groceryStoreFolder, string product)
    {
        var train = Path.Combine(groceryStoreFolder, "images", "train");
        if (!Directory.Exists(train)) return [];
        var folder = Directory.GetDirectories(train, product, SearchOption.AllDirectories).FirstOrDefault();
        return folder is null ? [] : Directory.GetFiles(folder, "*.jpg").Order(StringComparer.Ordinal).ToList();
    }
}
