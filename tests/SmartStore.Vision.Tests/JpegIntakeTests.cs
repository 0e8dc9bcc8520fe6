using SkiaSharp;
using SmartStore.Vision.Intake;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class JpegIntakeTests
{
    private const string Set = "pets2009-s2l1", Frame = "images/000001.jpg";

    [Fact]
    public async Task DecodesARealSnapshot()
    {
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync(Set, Frame));
        Assert.Equal((768, 576), (frame.Width, frame.Height));
    }

    [Theory] // the cut in the upper band, in the lower band, and in its last rows (the frame is decoded in two bands)
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.98)]
    public async Task RejectsATruncatedJpegInsteadOfReturningAGreyHalf(double keep)
    {
        var bytes = await SharedFiles.BytesAsync(Set, Frame);
        var ex = Assert.Throws<ImageRejectedException>(() => new JpegIntake().Decode(bytes.AsSpan(0, (int)(bytes.Length * keep))));
        Assert.Equal(RejectionReason.Truncated, ex.Reason);
    }

    [Fact]
    public void RejectsNonJpegInput()
    {
        using var bitmap = new SKBitmap(32, 32);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var intake = new JpegIntake();
        Assert.Equal(RejectionReason.NotJpeg, Assert.Throws<ImageRejectedException>(() => intake.Decode(png.ToArray())).Reason);
        Assert.Equal(RejectionReason.NotJpeg, Assert.Throws<ImageRejectedException>(() => intake.Decode("GIF89a not a photo"u8)).Reason);
        Assert.Equal(RejectionReason.Empty, Assert.Throws<ImageRejectedException>(() => intake.Decode([])).Reason);
    }

    [Fact]
    public async Task RejectsOversizedInputBeforeDecoding()
    {
        var bytes = await SharedFiles.BytesAsync(Set, Frame);
        var byPixels = new JpegIntake(new IntakeLimits(MaxPixels: 640 * 480));
        Assert.Equal(RejectionReason.TooManyPixels, Assert.Throws<ImageRejectedException>(() => byPixels.Decode(bytes)).Reason);
        var byBytes = new JpegIntake(new IntakeLimits(MaxBytes: 1024));
        Assert.Equal(RejectionReason.TooLarge, Assert.Throws<ImageRejectedException>(() => byBytes.Decode(bytes)).Reason);
    }

    [Fact]
    public async Task APreviewIsDecodedAtTheSmallestEighthWideEnoughAndStillRefusesATruncatedPicture()
    {
        var intake = new JpegIntake();
        var bytes = await SharedFiles.BytesAsync(Set, Frame);
        using (var eighths = intake.DecodeAtLeast(bytes, 200)) Assert.Equal((288, 216), (eighths.Width, eighths.Height)); // 3/8 of 768 x 576
        using (var turned = intake.DecodeAtLeast(WithExifOrientation(bytes, 6), 200)) Assert.Equal((216, 288), (turned.Width, turned.Height));
        using (var whole = intake.DecodeAtLeast(bytes, 1000)) Assert.Equal((768, 576), (whole.Width, whole.Height));
        using (var preview = SKBitmap.Decode(PhotoPreview.Scale(intake, bytes, 200))) Assert.Equal((200, 150), (preview.Width, preview.Height));
        var cut = Assert.Throws<ImageRejectedException>(() => PhotoPreview.Scale(intake, bytes.AsSpan(0, bytes.Length * 2 / 3), 200));
        Assert.Equal(RejectionReason.Truncated, cut.Reason);
    }

    [Fact]
    public async Task AppliesExifOrientation()
    {
        var bytes = await SharedFiles.BytesAsync(Set, Frame);
        using var frame = new JpegIntake().Decode(WithExifOrientation(bytes, 6)); // 6 = rotate 90° clockwise to view
        Assert.Equal((576, 768), (frame.Width, frame.Height));
    }

    [Fact]
    public async Task CropsTheUprightPhotoAndRefusesARegionOutsideIt()
    {
        var intake = new JpegIntake();
        var bytes = WithExifOrientation(await SharedFiles.BytesAsync(Set, Frame), 6);
        using var upright = intake.Decode(bytes);
        // A region only the upright (576 x 768) photo has: rows 600-700 do not exist in the stored 768 x 576 pixels.
        var region = new SKRectI(100, 600, 300, 700);
        var (jpeg, width, height) = PhotoCrop.Crop(intake, bytes, region);
        using var cut = intake.Decode(jpeg);
        Assert.Equal((200, 100), (width, height));
        Assert.Equal((200, 100), (cut.Width, cut.Height));
        Assert.InRange(MeanDifference(upright.Bitmap, region, cut.Bitmap), 0, 6); // JPEG re-encoding, not other pixels
        Assert.Throws<ArgumentException>(() => PhotoCrop.Crop(intake, bytes, new SKRectI(500, 0, 700, 100)));
        Assert.Throws<ArgumentException>(() => PhotoCrop.Crop(intake, bytes, new SKRectI(0, 0, 10, 10)));
        Assert.Throws<ImageRejectedException>(() => PhotoCrop.Crop(intake, bytes.AsSpan(0, bytes.Length / 2), region));
    }

    private static double MeanDifference(SKBitmap whole, SKRectI region, SKBitmap cut)
    {
        double sum = 0;
        for (int y = 0; y < cut.Height; y++)
            for (int x = 0; x < cut.Width; x++)
            {
                SKColor a = whole.GetPixel(region.Left + x, region.Top + y), b = cut.GetPixel(x, y);
                sum += (Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue)) / 3.0;
            }
        return sum / (cut.Width * cut.Height);
    }

    /// <summary>Inserts a minimal EXIF APP1 segment (one IFD entry: Orientation) right after SOI.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,
            (byte)orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}
