using System.Diagnostics;
using System.Text.Json;
using SkiaSharp;
using SmartStore.Models;
using SmartStore.Vision.People;
using SmartStore.Vision.Shelves;

namespace SmartStore.Simulator;

/// <summary>
/// Real images for the demo cameras from ../shared/data, read at run time and never copied into the repo:
/// entrance cameras replay a frame sequence in order (so tracking is possible), in-store cameras the mall-crowd
/// corridor, till cameras the PETS walkway with its annotations (who stands at the demo till, <see cref="DemoTill"/>),
/// shelf cameras photograph the demo shelf of each preset, composed of grocery-store product photos (<see cref="DemoShelf"/>).
/// While a store is closed its fixed cameras send their sequence's empty view instead (<see cref="EmptyView"/>).
/// </summary>
public sealed class SnapshotSource
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _sequences;
    private readonly int _shelfProducts;

    public SnapshotSource(string dataDirectory, int framesPerSequence)
    {
        // Walkway footage for entrance cameras: people cross a door line there. The mall-crowd frames, a packed
        // corridor seen from above (30 people a frame, an in-store view), go to the in-store cameras.
        _sequences = new[] { Path.Combine("pets2009-s2l1", "images"), Path.Combine("tud-mot15", "images", "TUD-Campus") }
            .Select(p => Path.Combine(dataDirectory, p))
            .Where(Directory.Exists)
            .Select(d => (IReadOnlyList<string>)Directory.GetFiles(d, "*.jpg").Order(StringComparer.Ordinal).Take(framesPerSequence).ToList())
            .Where(s => s.Count > 0)
            .ToList();
        var mall = Path.Combine(dataDirectory, "mall-crowd", "images");
        _interior = Directory.Exists(mall) ? Directory.GetFiles(mall, "*.jpg").Order(StringComparer.Ordinal).ToList() : [];
        _grocery = Path.Combine(dataDirectory, "grocery-store");
        _till = TillSequence(Path.Combine(dataDirectory, "pets2009-s2l1"));
        _shelfProducts = DemoShelf.Planned.Count(p => DemoShelf.Photos(_grocery, p).Count > 0);
        _emptyEntrances = _sequences.Select(s => new Lazy<byte[]>(() => EmptyViewOf(s))).ToList();
        _emptyInterior = new Lazy<byte[]>(() => EmptyViewOf(_interior));
        _emptyTill = new Lazy<byte[]>(() => EmptyViewOf(_till.Select(f => f.File).ToList()));
    }

    /// <summary>Frames the empty view is the median of: enough that a person standing still for a tenth of the mall sequence is gone.</summary>
    private const int EmptyViewFrames = 81;

    private readonly IReadOnlyList<Lazy<byte[]>> _emptyEntrances;
    private readonly Lazy<byte[]> _emptyInterior, _emptyTill;

    /// <summary>The entrance camera's view with nobody in it (learned on first use, a second or two).</summary>
    public byte[] EmptyEntrance(int cameraIndex) => _emptyEntrances[cameraIndex % _emptyEntrances.Count].Value;

    /// <summary>The in-store view with nobody in it; only while the in-store frames exist.</summary>
    public byte[] EmptyInterior() => _emptyInterior.Value;

    /// <summary>The till's view with nobody at it; only while the till frames exist.</summary>
    public byte[] EmptyTill() => _emptyTill.Value;

    /// <summary>The per-pixel median of frames spread over the sequence, as a JPEG: people move on, the floor stays.</summary>
    private static byte[] EmptyViewOf(IReadOnlyList<string> files)
    {
        var clock = Stopwatch.StartNew();
        using var empty = EmptyView.OfFootage(files, EmptyViewFrames);
        using var jpeg = empty.Encode(SKEncodedImageFormat.Jpeg, 90);
        Console.WriteLine($"empty view of {Path.GetDirectoryName(files[0])}: the median of {Math.Min(EmptyViewFrames, files.Count)} of its frames, {clock.Elapsed.TotalSeconds:0.0} s");
        return jpeg.ToArray();
    }

    private readonly string _grocery;
    private readonly IReadOnlyList<string> _interior;
    private readonly Dictionary<string, IReadOnlyList<string>> _productPhotos = new();

    /// <summary>
    /// A photo of a demo shelf preset as the dome sees it on this patrol: the planned products (another photo of each
    /// than the SKU master holds), now and then an empty slot or a competitor's product in an own product's slot.
    /// </summary>
    public byte[] ShelfPatrol(string cameraCode, int preset, Random random)
    {
        var slots = DemoShelf.Products(DemoShelf.StoreOf(cameraCode), DemoShelf.FaceOf(cameraCode, preset)).Select(product =>
        {
            var roll = random.NextDouble();
            if (roll < 0.08) return null;
            var shown = roll < 0.14 ? DemoShelf.Intruders[random.Next(DemoShelf.Intruders.Length)] : product;
            var photos = PhotosOf(shown);
            return photos.Count == 0 ? null : File.ReadAllBytes(photos[random.Next(photos.Count)]);
        }).ToList();
        return ShelfComposer.Compose(slots, DemoShelf.Rows, DemoShelf.Columns);
    }

    private IReadOnlyList<string> PhotosOf(string product)
    {
        if (!_productPhotos.TryGetValue(product, out var photos))
            _productPhotos[product] = photos = DemoShelf.Photos(_grocery, product).Take(12).ToList();
        return photos;
    }

    private readonly IReadOnlyList<(string File, int AtTill)> _till;

    /// <summary>The whole PETS walkway, each frame with how many of its annotated people stand in the demo till's area.</summary>
    private static IReadOnlyList<(string File, int AtTill)> TillSequence(string folder)
    {
        var truthFile = Path.Combine(folder, "ground_truth.json");
        if (!File.Exists(truthFile)) return [];
        using var truth = JsonDocument.Parse(File.ReadAllText(truthFile));
        return truth.RootElement.GetProperty("images").EnumerateArray().Select(image =>
        {
            var (width, height) = (image.GetProperty("width").GetSingle(), image.GetProperty("height").GetSingle());
            var atTill = image.GetProperty("persons").EnumerateArray().Select(p => p.GetProperty("bbox"))
                .Count(b => DemoTill.Area.Contains((b[0].GetSingle() + b[2].GetSingle() / 2) / width, (b[1].GetSingle() + b[3].GetSingle()) / height));
            return (Path.Combine(folder, image.GetProperty("file").GetString()!), atTill);
        }).Where(f => File.Exists(f.Item1)).ToList();
    }

    /// <summary>How many frames a till camera's sequence has before it loops (0 without the images).</summary>
    public int TillFrames => _till.Count;

    /// <summary>The frame a till camera sends at its <paramref name="tick"/>-th upload, and how many stand at the till in it.</summary>
    public (string File, int AtTill) TillFrame(int tick) => _till[tick % _till.Count];

    public bool HasImages => _sequences.Count > 0 && _shelfProducts > 0;

    public string Describe() =>
        $"{_sequences.Count} entrance sequences ({string.Join("/", _sequences.Select(s => s.Count))} frames), {_interior.Count} in-store frames, {_till.Count} till frames, {_shelfProducts} shelf products";

    /// <summary>
    /// The frame an in-store camera sends at its <paramref name="tick"/>-th upload: the whole mall-crowd sequence in order,
    /// looping, each camera from its own point in it; null without those images.
    /// </summary>
    public string? InteriorFrame(int cameraIndex, int tick) =>
        _interior.Count == 0 ? null : _interior[(cameraIndex * 197 + tick) % _interior.Count];

    /// <summary>The entrance frame a camera sends at its <paramref name="tick"/>-th upload: its sequence, in order, looping.</summary>
    public string EntranceFrame(int cameraIndex, int tick)
    {
        var sequence = _sequences[cameraIndex % _sequences.Count];
        return sequence[tick % sequence.Count];
    }

}
