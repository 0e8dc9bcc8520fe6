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
    public async Task A_camera_whose_reference_view_an_admin_took_anew_learns_its_scene_again()
    {
        await using var db = await TestDatabase.Create();
        await new CameraRepository(db.Database).Create(new Camera(Camera, CameraKind.Interior, "", "", null, 1, []), "test");
        var scenes = new CameraScenes(db.Database);
        var views = new CameraViews(db.Database);
        var models = ModelStore.Locate();
        var at = DateTime.UtcNow;
        using var analyzers = new PeopleAnalyzers(models, new PersonDetectorOptions(), new PersonDetectorOptions(), null,
            sceneArchive: new SceneArchive(scenes, NullLogger<SceneArchive>.Instance));
        var watch = new ViewWatch(views, NullLogger<ViewWatch>.Instance, readAgainAfter: TimeSpan.Zero);
        Task<PeopleFrame> Frame(int i) => analyzers.For(CameraKind.Interior).Analyse(i, MallFrame(i), at.AddSeconds(i), false, CancellationToken.None,
            sceneOf: Camera, withView: true);

        // Frame 1 becomes the reference view; the scene is learned from the first 10 frames and kept.
        Assert.Equal((null, false), await watch.Check(Camera, 1, at, (await Frame(1)).View!));
        for (var i = 2; i < 10; i++) await Frame(i);
        var (check, reaimed) = await watch.Check(Camera, 10, at.AddSeconds(10), (await Frame(10)).View!);
        Assert.NotNull(check);
        Assert.False(reaimed);
        Assert.NotNull(await scenes.Find(Camera, 640));
        var learned = (await Frame(11)).Frame.People.Count;

        // An admin takes a new reference view (the camera was re-aimed): the kept scene goes with the old reference, and the
        // worker, reading the reference again, learns the view anew — the 12th frame counts at the plain threshold.
        await views.Forget(Camera, "test");
        Assert.Null(await scenes.Find(Camera, 640));
        (check, reaimed) = await watch.Check(Camera, 12, at.AddSeconds(12), (await Frame(12)).View!);
        Assert.True(reaimed);
        Assert.Null(check); // snapshot 12 is the new reference
        await analyzers.ForgetScene(Camera);
        var relearning = (await Frame(11)).Frame.People.Count;
        Assert.True(learned > relearning + 3, $"learned scene {learned}, re-learning {relearning}");
        Assert.False((await watch.Check(Camera, 13, at.AddSeconds(13), (await Frame(13)).View!)).Reaimed);
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
