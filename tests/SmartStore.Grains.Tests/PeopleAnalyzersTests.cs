using SmartStore.Models;
using SmartStore.Silo.Analysis;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Grains.Tests;

public sealed class PeopleAnalyzersTests
{
    [Fact]
    public void In_store_cameras_run_the_detector_assigned_to_them_and_share_the_entrance_one_when_it_is_the_same()
    {
        var models = ModelStore.Locate();
        using var apart = new PeopleAnalyzers(models, PersonDetectorOptions.For(PersonModel.RtmDetNano), PersonDetectorOptions.For(PersonModel.NanoDetM), 0.45f);
        Assert.Equal(nameof(PersonModel.RtmDetNano), apart.For(CameraKind.Entrance).ModelName);
        Assert.Equal(nameof(PersonModel.NanoDetM), apart.For(CameraKind.Interior).ModelName);

        using var shared = new PeopleAnalyzers(models, new PersonDetectorOptions(), new PersonDetectorOptions(), 0.45f);
        Assert.Same(shared.For(CameraKind.Entrance), shared.For(CameraKind.Interior));
    }
}
