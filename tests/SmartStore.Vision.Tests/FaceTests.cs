using SmartStore.Vision.Faces;
using SmartStore.Vision.Intake;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class FaceTests
{
    [Fact]
    public async Task AttributesAreUnknownUntilAModelIsConfigured()
    {
        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync("tud-mot15", "images/TUD-Campus/000001.jpg"));
        using var detector = new FaceDetector(SharedFiles.Models);
        var faces = detector.Detect(frame.Bitmap);
        using var attributes = new FaceAttributes();
        var face = faces.Count > 0 ? faces[0] : new FaceBox(10, 10, 40, 40, 1);
        var estimate = attributes.Estimate(frame.Bitmap, face);
        Assert.False(attributes.HasModel);
        Assert.False(estimate.IsKnown);
        Assert.Equal(AgeBand.Unknown, estimate.AgeBand);
        Assert.Equal(Gender.Unknown, estimate.Gender);
    }

    [Fact]
    public void ConfiguredButUnregisteredModelFailsLoudly() =>
        Assert.Throws<InvalidOperationException>(() => new FaceAttributes(new FaceAttributeOptions { Model = "not-registered" }));
}
