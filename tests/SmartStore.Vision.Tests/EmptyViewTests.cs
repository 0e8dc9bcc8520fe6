using SkiaSharp;
using SmartStore.Vision.Health;
using SmartStore.Vision.Intake;
using SmartStore.Vision.People;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class EmptyViewTests
{
    [Fact]
    public void TheMallCorridorsEmptyViewHasNoneOfItsCrowdAndIsTheSameViewToTheHealthCheck()
    {
        var files = Directory.GetFiles(SharedFiles.Image("mall-crowd", "images"), "*.jpg").Order(StringComparer.Ordinal).ToList();
        using var empty = EmptyView.OfFootage(files, 81);
        using var first = new JpegIntake().Decode(File.ReadAllBytes(files[0]));
        using var detector = new PersonDetector(SharedFiles.Models, new PersonDetectorOptions());
        Assert.True(detector.Detect(first.Bitmap).Count >= 10, "the crowd is there in a frame");
        var left = detector.Detect(empty);
        Assert.True(left.Count <= 1, $"{left.Count} people found in the empty corridor");

        // A store's camera is not flagged when the store closes (its empty view against a day reference) or opens.
        var check = new CameraHealthCheck();
        var closing = check.Check(FrameSignature.Of(first.Bitmap), empty);
        var opening = check.Check(FrameSignature.Of(empty), first.Bitmap);
        Assert.False(closing.AnyTripped, string.Join("; ", closing.Findings.Where(f => f.Tripped).Select(f => f.Evidence)));
        Assert.False(opening.AnyTripped, string.Join("; ", opening.Findings.Where(f => f.Tripped).Select(f => f.Evidence)));
    }

    [Fact]
    public void EachPixelIsTheMedianOfItsFramesAndEveryFrameIsOfOneCamera()
    {
        var frames = new[] { 10, 200, 30 }.Select(v => Plain(4, 3, (byte)v)).ToList();
        using var empty = EmptyView.Of(frames);
        Assert.Equal(new SKColor(30, 30, 30, 255), empty.GetPixel(2, 1));

        frames.Add(Plain(5, 3, 0));
        Assert.Throws<ArgumentException>(() => EmptyView.Of(frames));
        Assert.Throws<ArgumentException>(() => EmptyView.Of([]));
        foreach (var frame in frames) frame.Dispose();
    }

    private static SKBitmap Plain(int width, int height, byte grey)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(grey, grey, grey));
        return bitmap;
    }
}
