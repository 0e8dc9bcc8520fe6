using SmartStore.Vision.Shelves;
using Xunit;

namespace SmartStore.Vision.Tests.Shelves;

/// <summary>The stored form of a photo's enrolment views: what a silo reads back instead of running the network.</summary>
public sealed class EnrolledPhotoTests
{
    [Fact]
    public void ViewsSurviveTheirBytesExactly()
    {
        var random = new Random(7);
        var views = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 500).Select(_ => random.NextSingle() - 0.5f).ToArray()).ToArray();
        var photo = new EnrolledPhoto("Arla-Standard-Milk", views, 12.5f);

        var read = EnrolledPhoto.FromViewBytes(photo.Sku, photo.ViewBytes(), photo.EdgeEnergy);

        Assert.NotNull(read);
        Assert.Equal(3, read.Views.Count);
        for (int v = 0; v < 3; v++) Assert.Equal(views[v], read.Views[v]);
        Assert.Equal(12.5f, read.EdgeEnergy);
    }

    [Theory]
    [InlineData(0)]    // nothing
    [InlineData(6)]    // a cut header
    [InlineData(40)]   // cut inside the floats
    public void BytesThatAreNotAWholeSetOfViewsAreRefused(int keep)
    {
        var bytes = new EnrolledPhoto("s", [new float[10], new float[10]], 0).ViewBytes();
        Assert.Null(EnrolledPhoto.FromViewBytes("s", bytes.AsSpan(0, keep), 0));
    }

    [Fact]
    public void RecipeNamesTheModelFileItWasMadeWith() =>
        Assert.Contains(Models.ModelCatalogue.MobileNetV2Features.Sha256[..12], EnrolledPhoto.Recipe);
}
