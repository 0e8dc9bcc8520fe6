using System.Text.Json;
using SkiaSharp;
using SmartStore.Vision.Intake;

namespace SmartStore.Vision.Tests.Shelves;

/// <summary>Real grocery-store photos (MIT) and shelf-like canvases composed from them for the shelf tests.</summary>
internal static class ShelfImages
{
    public const string Set = "grocery-store";

    /// <summary>Photo files of a class, sorted by file name (the benchmark's enrolment order).</summary>
    public static async Task<IReadOnlyList<string>> PhotosOfAsync(string className)
    {
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.Data, Set, "ground_truth.json")));
        return doc.RootElement.GetProperty("images").EnumerateArray()
            .Where(i => i.GetProperty("class_name").GetString() == className)
            .Select(i => i.GetProperty("file").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<SKBitmap> DecodeAsync(string relative)
    {
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync(Set, relative));
        return frame.Bitmap.Copy();
    }

    /// <summary>The <paramref name="region"/> of <paramref name="source"/> resampled to width × height.</summary>
    public static SKBitmap Cut(SKBitmap source, SKRect region, int width, int height)
    {
        var result = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(new SKColor(128, 128, 128));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, region, SKRect.Create(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        return result;
    }

    /// <summary>
    /// A one-row shelf: each tile drawn into its slot (null = an empty slot: the back panel), a dark shelf board under the
    /// row, everything moved by (dx, dy) — what a PTZ preset that came back a little off would see.
    /// </summary>
    public static SKBitmap Shelf(IReadOnlyList<SKBitmap?> tiles, IReadOnlyList<SKRectI> slots, int width, int height, int dx = 0, int dy = 0)
    {
        var result = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(new SKColor(70, 72, 75));
        canvas.Translate(dx, dy);
        using var panel = new SKPaint { Color = new SKColor(214, 210, 200) };
        using var board = new SKPaint { Color = new SKColor(40, 40, 44) };
        var rowTop = slots.Min(s => s.Top);
        var rowBottom = slots.Max(s => s.Bottom);
        canvas.DrawRect(SKRect.Create(20, rowTop - 10, width - 40, rowBottom - rowTop + 20), panel);
        canvas.DrawRect(SKRect.Create(10, rowBottom + 10, width - 20, 28), board);
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        for (int i = 0; i < slots.Count; i++)
        {
            if (tiles[i] is not { } tile) continue;
            using var image = SKImage.FromBitmap(tile);
            canvas.DrawImage(image, SKRect.Create(0, 0, tile.Width, tile.Height), slots[i], sampling, null);
        }
        return result;
    }
}
