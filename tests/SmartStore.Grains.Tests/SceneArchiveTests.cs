using Microsoft.Extensions.Logging.Abstractions;
using SmartStore.Models;
using SmartStore.Silo.Analysis;
using SmartStore.Storage;
using SmartStore.Testing;
using SmartStore.Vision.Models;
using SmartStore.Vision.People;

namespace SmartStore.Grains.Tests;

/// <summary>An in-store camera's learned scene is kept in PostgreSQL and a worker that meets the camera again counts with it.</summary>
public sealed class SceneArchiveTests
{
    private const string Camera = "CAM-SCENE-I1";

    private static string MallFrame(int i) => Path.Combine(SharedData.Shared, "data", "mall-crowd", "images", $"seq_{i:000000}.jpg");

    [Fact]
    public async Task A_restarted_worker_counts_an_in_store_camera_with_the_scene_it_learned_before_from_its_first_frame()
    {
        await using var db = await TestDatabase.Create();
        await new CameraRepository(db.Database).Create(new Camera(Camera, CameraKind.Interior, "", "", null, 1, []), "test");
        var archive = new SceneArchive(new CameraScenes(db.Database), NullLogger<SceneArchive>.Instance);
        var models = ModelStore.Locate();
        var at = DateTime.UtcNow;

        // The first worker learns the mall camera's scene from its first 10 frames and keeps it.
        using var before = new PeopleAnalyzer(models, new PersonDetectorOptions(), null, sceneArchive: archive);
        for (var i = 1; i <= 10; i++) await before.Analyse(i, MallFrame(i), at, false, CancellationToken.None, sceneOf: Camera);
        Assert.NotNull(await new CameraScenes(db.Database).Find(Camera, 640));

        // After a restart a new worker counts the 11th frame as the first would have; one without the kept scene counts
        // it at the plain threshold, missing the crowd's small people.
        using var restarted = new PeopleAnalyzer(models, new PersonDetectorOptions(), null, sceneArchive: archive);
        using var cold = new PeopleAnalyzer(models, new PersonDetectorOptions(), null);
        var resumed = (await restarted.Analyse(11, MallFrame(11), at, false, CancellationToken.None, sceneOf: Camera)).Frame.People.Count;
        var unlearned = (await cold.Analyse(11, MallFrame(11), at, false, CancellationToken.None, sceneOf: Camera)).Frame.People.Count;
        var continued = (await before.Analyse(11, MallFrame(11), at, false, CancellationToken.None, sceneOf: Camera)).Frame.People.Count;
        Assert.Equal(continued, resumed);
        Assert.True(resumed > unlearned + 3, $"resumed {resumed}, plain threshold {unlearned}");
    }

    [Fact]
    public async Task A_kept_scene_reads_back_as_it_was_and_an_unreadable_one_starts_the_camera_unfitted()
    {
        await using var db = await TestDatabase.Create();
        await new CameraRepository(db.Database).Create(new Camera(Camera, CameraKind.Interior, "", "", null, 1, []), "test");
        var scenes = new CameraScenes(db.Database);
        var archive = new SceneArchive(scenes, NullLogger<SceneArchive>.Instance);
        var scene = new LearnedScene(640, 0.21f, 18.5f, 0.37f,
            [[new PersonBox(10.04f, 20, 30, 90.06f, 0.8123f)], [], [new PersonBox(600, 100, 615, 140, 0.3f), new PersonBox(1, 2, 3, 4, 0.25f)]]);

        await archive.Keep(Camera, scene);
        var back = await archive.Recall(Camera, 640);
        Assert.NotNull(back);
        Assert.Equal((scene.FrameWidth, scene.Slope, scene.Intercept, scene.TypicalAspect), (back.FrameWidth, back.Slope, back.Intercept, back.TypicalAspect));
        Assert.Equal([1, 0, 2], back.Reference.Select(f => f.Count));
        Assert.Equal(new PersonBox(10, 20, 30, 90.1f, 0.812f), back.Reference[0][0]); // 0.1 px, 3 score digits
        Assert.Null(await archive.Recall(Camera, 1920));

        // A row someone broke by hand, and a camera deleted meanwhile: neither stops the analysis.
        await using var connection = await db.Database.Open();
        await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE camera_scenes SET scene = '{\"slope\": \"steep\"}'");
        Assert.Null(await archive.Recall(Camera, 640));
        await archive.Keep("CAM-GONE", scene);
        Assert.Null(await scenes.Find("CAM-GONE", 640));
    }
}
