using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// A smaller copy of a picture for a list of many (inspection pictures on a phone): a 1080p snapshot is ~300 KB, its
/// 480-wide preview a tenth of that, decoded at the nearest eighth above the width and resized the rest of the way.
/// </summary>
public static class PhotoPreview
{
    private const int Quality = 80;

    /// <summary>The picture scaled to at most <paramref name="maxWidth"/> wide (never enlarged), as JPEG.</summary>
    /// <exception cref="ImageRejectedException">the bytes are not a whole JPEG.</exception>
    public static byte[] Scale(JpegIntake intake, ReadOnlySpan<byte> jpeg, int maxWidth)
    {
        using var frame = intake.DecodeAtLeast(jpeg, maxWidth);
        var width = Math.Min(maxWidth, frame.Width);
        var height = Math.Max(1, (int)Math.Round((double)frame.Height * width / frame.Width));
        using var scaled = frame.Bitmap.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = SKImage.FromBitmap(scaled);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return encoded.ToArray();
    }
}
