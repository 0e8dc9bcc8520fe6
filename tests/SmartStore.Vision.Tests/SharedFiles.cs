using SkiaSharp;
using SmartStore.Vision;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.Tests;

/// <summary>Finds ../shared exactly as the library does (SMARTSTORE_MODELS / SMARTSTORE_DATA, then beside the repo root).</summary>
internal static class SharedFiles
{
    public static ModelStore Models { get; } = ModelStore.Locate();
    public static string Data { get; } = SharedAssets.DataDirectory();
    public static string Image(string set, string relative) => Path.Combine(Data, set, relative);
    public static Task<byte[]> BytesAsync(string set, string relative) => File.ReadAllBytesAsync(Image(set, relative));

    /// <summary>The picture resized by <paramref name="scale"/> and encoded again (quality 85): a size no camera in the sets sends.</summary>
    public static byte[] Reencoded(byte[] jpeg, double scale)
    {
        using var source = SKBitmap.Decode(jpeg);
        var size = new SKImageInfo((int)(source.Width * scale), (int)(source.Height * scale));
        using var resized = source.Resize(size, new SKSamplingOptions(SKFilterMode.Linear));
        using var encoded = resized.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded.ToArray();
    }
}
