using SmartStore.Vision.Intake;
using Xunit;

namespace SmartStore.Vision.Tests;

/// <summary>The cheap intake check used when a snapshot is stored: same verdicts as a full decode.</summary>
public sealed class JpegInspectTests
{
    private const string Set = "tud-mot15", Frame = "images/TUD-Campus/000001.jpg";

    [Fact]
    public async Task InspectReportsTheSizeOfAWholeJpeg()
    {
        var bytes = await SharedFiles.BytesAsync(Set, Frame);
        Assert.Equal((640, 480), new JpegIntake().Inspect(bytes));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.98)]
    public async Task InspectCatchesTruncationAnywhereInTheScans(double keep)
    {
        var bytes = await SharedFiles.BytesAsync(Set, Frame);
        var cut = bytes.AsSpan(0, (int)(bytes.Length * keep)).ToArray();
        var ex = Assert.Throws<ImageRejectedException>(() => new JpegIntake().Inspect(cut));
        Assert.Equal(RejectionReason.Truncated, ex.Reason);
    }

    [Fact]
    public void InspectRefusesWhatIsNotAJpeg()
    {
        var ex = Assert.Throws<ImageRejectedException>(() => new JpegIntake().Inspect("%PDF-1.4 not a photo"u8));
        Assert.Equal(RejectionReason.NotJpeg, ex.Reason);
    }
}
