using SkiaSharp;

namespace SmartStore.Web.Api;

/// <summary>
/// Decides whether uploaded bytes are a whole, decodable JPEG (reference photos of SKUs). The image is
/// decoded fully, so a truncated upload is caught here and not later by the recognizer.
/// </summary>
public static class JpegCheck
{
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <param name="IsJpeg">False when the bytes are no JPEG at all; true (and not Ok) when a JPEG is damaged or cut short.</param>
    public sealed record Result(bool Ok, bool IsJpeg, int Width, int Height, string Problem);

    public static Result Inspect(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Jpeg) return new Result(false, false, 0, 0, "The body is not a JPEG image.");
        using var bitmap = new SKBitmap(codec.Info);
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        return decoded == SKCodecResult.Success
            ? new Result(true, true, codec.Info.Width, codec.Info.Height, "")
            : new Result(false, true, 0, 0, $"The JPEG is damaged or truncated ({decoded}).");
    }
}
