using SkiaSharp;
using SmartStore.Vision.Intake;
using Xunit;

namespace SmartStore.Vision.Tests;

/// <summary>Decoding a snapshot as two bands on two cores must give exactly the pixels of one decode.</summary>
public sealed class JpegBandsTests
{
    [Theory]
    [InlineData("pets2009-s2l1", "images/000001.jpg", 1.0)]
    [InlineData("mall-crowd", "images/seq_000001.jpg", 1.0)]
    [InlineData("pets2009-s2l1", "images/000001.jpg", 0.913)] // re-encoded at 701 × 525: the split row is no half
    public async Task TwoBandsGiveTheSameBytesAsOnePiece(string set, string file, double scale)
    {
        var bytes = await SharedFiles.FrameAsync(set, file, scale);
        var (whole, result) = SharedFiles.OnePiece(bytes);
        using var _ = whole;
        var info = whole.Info;
        Assert.True(JpegBands.Worthwhile(bytes, info.Width, info.Height) || Environment.ProcessorCount == 1);

        Assert.Equal(SKCodecResult.Success, result);
        using var data = SKData.CreateCopy(bytes);
        using var banded = new SKBitmap(info);
        Assert.True(JpegBands.TryDecode(data, info, banded));
        Assert.Equal(whole.Bytes, banded.Bytes);
    }

    [Fact]
    public async Task OnlySequentialJpegsAreSplit()
    {
        var bytes = await SharedFiles.BytesAsync("tud-mot15", "images/TUD-Campus/000001.jpg");
        Assert.True(JpegBands.IsSequential(bytes));
        // The same file with its frame header marked progressive (SOF2): each band would entropy-decode it all.
        var sof = bytes.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        var progressive = bytes.ToArray();
        progressive[sof + 1] = 0xC2;
        Assert.False(JpegBands.IsSequential(progressive));
        Assert.False(JpegBands.Worthwhile(progressive, 640, 480));
        Assert.False(JpegBands.IsSequential([0xFF, 0xD8, 0x00, 0x10, 0x20, 0x30])); // no marker after SOI
    }
}
