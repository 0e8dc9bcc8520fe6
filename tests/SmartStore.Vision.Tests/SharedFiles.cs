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

    /// <summary>A picture of a set, resized by <paramref name="scale"/> and encoded again unless it is 1.</summary>
    public static async Task<byte[]> FrameAsync(string set, string relative, double scale)
    {
        var bytes = await BytesAsync(set, relative);
        return scale == 1.0 ? bytes : Reencoded(bytes, scale);
    }

    /// <summary>The picture decoded by SkiaSharp in one piece, RGBA as the intake decodes: what a faster decode must match byte for byte.</summary>
    public static (SKBitmap Pixels, SKCodecResult Result) OnePiece(byte[] jpeg)
    {
        using var data = SKData.CreateCopy(jpeg);
        using var codec = SKCodec.Create(data);
        var pixels = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        return (pixels, codec.GetPixels(pixels.Info, pixels.GetPixels()));
    }

    /// <summary>The picture resized by <paramref name="scale"/> and encoded again (quality 85): a size no camera in the sets sends.</summary>
    private static byte[] Reencoded(byte[] jpeg, double scale)
    {
        using var source = SKBitmap.Decode(jpeg);
        var size = new SKImageInfo((int)(source.Width * scale), (int)(source.Height * scale));
        using var resized = source.Resize(size, new SKSamplingOptions(SKFilterMode.Linear));
        using var encoded = resized.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded.ToArray();
    }
}
