using SkiaSharp;
using SmartStore.Vision.Intake;
using Xunit;

namespace SmartStore.Vision.Tests;

/// <summary>The system's libjpeg-turbo decodes camera frames to exactly SkiaSharp's pixels, and leaves what is not whole to SkiaSharp.</summary>
public sealed class TurboJpegTests
{
    [Fact]
    public void The_intake_decodes_with_the_system_decoder()
    {
        // `./smartstore` installs libturbojpeg0 before it builds; without it every frame would take the slower path unnoticed.
        Assert.True(TurboJpeg.Available, "libturbojpeg.so.0 not found: install the Debian package libturbojpeg0 (./smartstore does)");
        Assert.True(new JpegIntake().UsesSystemDecoder);
        Assert.False(new JpegIntake(systemDecoder: false).UsesSystemDecoder);
    }

    [Theory]
    [InlineData("pets2009-s2l1", "images/000001.jpg", 1.0)]
    [InlineData("mall-crowd", "images/seq_000001.jpg", 1.0)]
    [InlineData("tud-mot15", "images/TUD-Campus/000001.jpg", 1.0)]
    [InlineData("grocery-store", "references/Red-Grapefruit_Iconic.jpg", 1.0)]
    [InlineData("pets2009-s2l1", "images/000001.jpg", 0.913)] // re-encoded by SkiaSharp at 701 × 525
    public async Task It_gives_the_same_bytes_as_SkiaSharp(string set, string file, double scale)
    {
        var bytes = await SharedFiles.FrameAsync(set, file, scale);
        var (skia, result) = SharedFiles.OnePiece(bytes);
        using var _ = skia;
        Assert.Equal(SKCodecResult.Success, result);
        using var turbo = new SKBitmap(skia.Info);
        Assert.True(TurboJpeg.TryDecode(bytes, turbo));
        Assert.Equal(skia.Bytes, turbo.Bytes);
    }

    [Fact]
    public async Task Threads_that_come_and_go_share_the_decoders_instead_of_leaving_one_each()
    {
        var bytes = await SharedFiles.BytesAsync("pets2009-s2l1", "images/000001.jpg");
        var before = TurboJpeg.HandlesCreated;
        var decoded = 0;
        // Thread-pool threads are retired when idle and new ones made: here, forty threads that decode once and end.
        for (int i = 0; i < 40; i++)
        {
            var thread = new Thread(() =>
            {
                using var bitmap = new SKBitmap(new SKImageInfo(768, 576, SKColorType.Rgba8888, SKAlphaType.Opaque));
                if (TurboJpeg.TryDecode(bytes, bitmap)) Interlocked.Increment(ref decoded);
            });
            thread.Start();
            thread.Join();
        }
        Assert.Equal(40, decoded);
        // One after another they need one decoder; other tests decoding meanwhile may have added a few, not one a thread.
        Assert.InRange(TurboJpeg.HandlesCreated - before, 0, 10);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.98)]
    public async Task It_refuses_a_truncated_frame_instead_of_filling_it(double keep)
    {
        var bytes = await SharedFiles.BytesAsync("pets2009-s2l1", "images/000001.jpg");
        using var bitmap = new SKBitmap(new SKImageInfo(768, 576, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Assert.False(TurboJpeg.TryDecode(bytes.AsSpan(0, (int)(bytes.Length * keep)), bitmap));
        Assert.False(TurboJpeg.TryDecode("not a JPEG at all"u8, bitmap));
    }
}
