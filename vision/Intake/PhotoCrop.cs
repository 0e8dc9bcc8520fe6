using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// Cuts a region out of a reference photo (a SKU photographed on a crowded shelf is cropped to the one product).
/// The region is in the upright image, as a browser shows it: EXIF orientation is applied before cutting, and the
/// result is an upright JPEG without orientation tag.
/// </summary>
public static class PhotoCrop
{
    /// <summary>Smallest crop side: below this a crop holds too little of a product to recognise it by.</summary>
    public const int MinSide = 32;
    private const int Quality = 92;

    /// <exception cref="ImageRejectedException">the bytes are not a whole JPEG.</exception>
    /// <exception cref="ArgumentException">the region is not inside the image, or smaller than <see cref="MinSide"/>.</exception>
    public static (byte[] Jpeg, int Width, int Height) Crop(JpegIntake intake, ReadOnlySpan<byte> jpeg, SKRectI region)
    {
        using var frame = intake.Decode(jpeg);
        var bounds = new SKRectI(0, 0, frame.Width, frame.Height);
        if (!bounds.Contains(region))
            throw new ArgumentException($"The region {region.Left},{region.Top} {region.Width}x{region.Height} is not inside the {frame.Width}x{frame.Height} photo.");
        if (region.Width < MinSide || region.Height < MinSide)
            throw new ArgumentException($"The region is {region.Width}x{region.Height}; each side must be at least {MinSide} pixels.");
        using var cut = new SKBitmap();
        if (!frame.Bitmap.ExtractSubset(cut, region)) throw new ArgumentException("The region could not be cut out of the photo.");
        using var image = SKImage.FromBitmap(cut);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return (encoded.ToArray(), region.Width, region.Height);
    }
}
