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

    [Fact]
    public void In_store_cameras_fall_back_to_the_entrance_detector_when_their_model_is_missing()
    {
        // A models folder holding the entrance detector and the re-id model only (symbolic links to the real files).
        var shared = ModelStore.Locate();
        var folder = Directory.CreateTempSubdirectory("models-");
        try
        {
            foreach (var spec in new[] { ModelCatalogue.RtmDetNanoPerson, ModelCatalogue.PersonReid0287 })
            {
                Directory.CreateDirectory(Path.Combine(folder.FullName, spec.Folder));
                File.CreateSymbolicLink(Path.Combine(folder.FullName, spec.RelativePath), shared.Resolve(spec));
            }
            var reasons = new List<string>();
            using var analyzers = new PeopleAnalyzers(new ModelStore(folder.FullName), new PersonDetectorOptions(),
                PersonDetectorOptions.For(PersonModel.NanoDetM), 0.45f, e => reasons.Add(e.Message));
            Assert.Same(analyzers.For(CameraKind.Entrance), analyzers.For(CameraKind.Interior));
            Assert.Contains(ModelCatalogue.NanoDetM416.FileName, Assert.Single(reasons));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
