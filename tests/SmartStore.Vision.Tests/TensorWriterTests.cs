using SkiaSharp;
using SmartStore.Vision.Intake;
using Xunit;

namespace SmartStore.Vision.Tests;

/// <summary>
/// The tensor writer's own bilinear resize against Skia's (ScalePixels, linear sampling) on real camera frames: the
/// same pixels within rounding (Skia rounds to bytes), whatever the layout, channel order or pixel format.
/// </summary>
public sealed class TensorWriterTests
{
    private const double Tolerance = 0.6; // grey levels: Skia's result is rounded to whole bytes, ours is not

    [Fact]
    public async Task LetterboxOfAFrameMatchesSkiasBilinearResizeAndPadsTheRest()
    {
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync("pets2009-s2l1", "images/000001.jpg")); // 768x576
        using var tensor = new InputTensor(640, 640, TensorLayout.Nchw);
        using var writer = new TensorWriter();

        var r = writer.Letterbox(frame.Bitmap, tensor, PixelNormalization.MmdetBgr, 114);

        Assert.Equal(640 / 768f, r);
        AssertMatchesSkia(frame.Bitmap, new SKRectI(0, 0, 768, 576), tensor, 640, 480, PixelNormalization.MmdetBgr);
        var norm = PixelNormalization.MmdetBgr;
        for (int c = 0; c < 3; c++)
            Assert.Equal((114 - norm.Mean[c]) / norm.Std[c], tensor.Data[c * 640 * 640 + 600 * 640 + 320], 4); // below the picture
    }

    [Fact]
    public async Task StretchOfACropIntoAnInterleavedTensorMatchesSkia()
    {
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync("pets2009-s2l1", "images/000001.jpg"));
        using var tensor = new InputTensor(256, 128, TensorLayout.Nhwc);
        using var writer = new TensorWriter();
        var crop = SKRectI.Create(493, 150, 45, 95); // a person, upscaled about 2.7x as the re-id network wants

        writer.Stretch(frame.Bitmap, crop, tensor, PixelNormalization.RawBgr);

        AssertMatchesSkia(frame.Bitmap, crop, tensor, 128, 256, PixelNormalization.RawBgr);
    }

    [Fact]
    public async Task AFrameOfTheCanvasSizeIsCopiedAsIsAndBgraPixelsReadAsRgba()
    {
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync("mall-crowd", "images/seq_000001.jpg")); // 640x480
        using var rgba = new InputTensor(640, 640, TensorLayout.Nchw);
        using var bgra = new InputTensor(640, 640, TensorLayout.Nchw);
        using var writer = new TensorWriter();
        using var bgraFrame = frame.Bitmap.Copy(SKColorType.Bgra8888);

        writer.Letterbox(frame.Bitmap, rgba, PixelNormalization.ImageNetRgb, 0);
        writer.Letterbox(bgraFrame, bgra, PixelNormalization.ImageNetRgb, 0);

        AssertMatchesSkia(frame.Bitmap, new SKRectI(0, 0, 640, 480), rgba, 640, 480, PixelNormalization.ImageNetRgb, tolerance: 1e-3);
        Assert.Equal(rgba.Data, bgra.Data);
    }

    [Fact]
    public async Task AnOddSizedRegionOnASmallCanvasMatchesSkiaAndIsPaddedBesideIt()
    {
        // 701 × 526 → 266 × 200 on a 304 × 200 canvas: one band (a small canvas), eight pixels at a time with a tail of two.
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync("pets2009-s2l1", "images/000001.jpg"));
        using var tensor = new InputTensor(200, 304, TensorLayout.Nchw);
        using var writer = new TensorWriter();
        var region = new SKRectI(30, 20, 731, 546);
        var norm = PixelNormalization.ImageNetRgb;

        var r = writer.Letterbox(frame.Bitmap, region, tensor, norm, 0);

        Assert.Equal(266, (int)(701 * r));
        AssertMatchesSkia(frame.Bitmap, region, tensor, 266, 200, norm);
        for (int c = 0; c < 3; c++)
            Assert.Equal((0 - norm.Mean[c]) / norm.Std[c], tensor.Data[c * 200 * 304 + 150 * 304 + 280], 4);
    }

    [Fact]
    public async Task WritingFramesIntoPooledTensorsAllocatesNothingOnceWarm()
    {
        // The hot path: a detector canvas (two bands on two cores) and product crops of a shelf (one band) each frame.
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync("pets2009-s2l1", "images/000001.jpg"));
        using var canvas = new InputTensor(640, 640, TensorLayout.Nchw);
        using var crop = new InputTensor(224, 224, TensorLayout.Nchw);
        using var writer = new TensorWriter();
        void WriteFrame()
        {
            writer.Letterbox(frame.Bitmap, canvas, PixelNormalization.MmdetBgr, 114);
            writer.Stretch(frame.Bitmap, SKRectI.Create(100, 100, 150, 200), crop, PixelNormalization.ImageNetRgb);
        }
        WriteFrame();

        // Up to three rounds of 20 frames: a per-frame allocation shows in every round, a one-off on this thread in one
        // (a full suite run once saw 1,976 bytes in a round — most likely the thread pool starting a worker, whose
        // Thread is allocated on the thread that queues the work).
        var rounds = new List<long>();
        do
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < 20; n++) WriteFrame();
            rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        while (rounds[^1] != 0 && rounds.Count < 3);

        Assert.True(rounds[^1] == 0, $"bytes allocated over 20 frames, round by round: {string.Join(", ", rounds)}");
    }

    /// <summary>Compares the tensor's w×h picture with Skia's linear resize of the region, normalised the same way.</summary>
    private static void AssertMatchesSkia(SKBitmap source, SKRectI region, InputTensor tensor, int w, int h, PixelNormalization norm, double tolerance = Tolerance)
    {
        using var subset = new SKBitmap();
        Assert.True(source.ExtractSubset(subset, region));
        using var expected = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Assert.True(subset.ScalePixels(expected, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)));
        int[] memory = norm.Order == ChannelOrder.Rgb ? [0, 1, 2] : [2, 1, 0];
        double worst = 0;
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            var pixel = expected.GetPixel(x, y);
            byte[] rgb = [pixel.Red, pixel.Green, pixel.Blue];
            for (int c = 0; c < 3; c++)
            {
                var index = tensor.Layout == TensorLayout.Nchw ? c * tensor.Width * tensor.Height + y * tensor.Width + x : (y * tensor.Width + x) * 3 + c;
                var level = tensor.Data[index] * norm.Std[c] + norm.Mean[c];
                worst = Math.Max(worst, Math.Abs(level - rgb[memory[c]]));
            }
        }
        Assert.True(worst <= tolerance, $"largest difference from Skia's resize: {worst:0.00} grey levels");
    }
}
