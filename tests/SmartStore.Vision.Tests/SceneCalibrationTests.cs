using SmartStore.Vision.People;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class SceneCalibrationTests
{
    private const int FrameWidth = 640;

    // A camera where a person standing with feet at row y is 0.2 y + 20 pixels tall.
    private static PersonBox Person(float x, float foot, float score, float heightScale = 1) =>
        new(x, foot - (0.2f * foot + 20) * heightScale, x + 20, foot, score);

    private static List<IReadOnlyList<PersonBox>> Frames()
    {
        var frames = new List<IReadOnlyList<PersonBox>>();
        for (int i = 0; i < 30; i++)
            frames.Add([Person(10 + i * 5, 200 + i * 5, 0.8f), Person(300, 400 - i * 3, 0.7f), new PersonBox(600, 100, 615, 140, 0.3f)]);
        return frames;
    }

    [Fact]
    public void FitsThePerspectiveFromConfidentBoxes()
    {
        var scene = SceneCalibration.Fit(Frames(), FrameWidth, 0.40f, new SceneCalibrationOptions());
        Assert.True(scene.IsFitted);
        Assert.InRange(scene.Slope, 0.18f, 0.22f);
        Assert.InRange(scene.Intercept, 15f, 25f);
    }

    [Fact]
    public void CountsLowScorePeopleOfPlausibleHeightOnly()
    {
        var scene = SceneCalibration.Fit(Frames(), FrameWidth, 0.40f, new SceneCalibrationOptions());
        var person = Person(500, 250, 0.9f);
        PersonBox[] frame =
        [
            person,
            Person(100, 300, 0.3f),                    // far person, right height: counted
            Person(200, 300, 0.3f, heightScale: 0.3f), // too short for where it stands: not counted
            person with { Y2 = person.Y1 + person.Height * 0.8f, Score = 0.3f }, // most of a counted person again
            new PersonBox(600, 100, 615, 140, 0.3f),   // present in every frame: a fixture
            Person(400, 300, 0.1f),                    // below the low floor
        ];
        Assert.Equal(2, scene.Count(frame));
    }

    [Fact]
    public void FallsBackToThePlainThresholdWithoutEnoughConfidentBoxes()
    {
        var scene = SceneCalibration.Fit([[Person(10, 200, 0.8f)]], FrameWidth, 0.40f, new SceneCalibrationOptions());
        Assert.False(scene.IsFitted);
        Assert.Equal(1, scene.Count([Person(10, 200, 0.8f), Person(100, 300, 0.3f)]));
    }

    [Fact]
    public void APersonMostlyOutOfViewAtTheSideIsNotCounted()
    {
        var scene = SceneCalibration.Fit(Frames(), FrameWidth, 0.40f, new SceneCalibrationOptions());
        Assert.InRange(scene.TypicalAspect, 0.2f, 0.3f);
        PersonBox[] frame =
        [
            new(FrameWidth - 8, 220, FrameWidth, 300, 0.9f), // a sliver of a person at the right side: mostly out of view
            new(0, 220, 20, 300, 0.9f),                      // at the left side, but a whole person's width
            new(300, 220, 308, 300, 0.9f),                   // as narrow, but inside the view: counted
        ];
        var people = scene.People(frame);
        Assert.Equal(2, people.Count);
        Assert.DoesNotContain(people, p => p.X2 >= FrameWidth);
    }

    [Fact]
    public void AnInStoreCameraAtAnotherResolutionLearnsThatSceneApart()
    {
        var scenes = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        foreach (var boxes in Frames()) scenes.People("CAM-1", FrameWidth, boxes);
        PersonBox[] farPerson = [Person(100, 300, 0.3f)]; // counted only by a fitted scene
        Assert.Single(scenes.People("CAM-1", FrameWidth, farPerson));
        Assert.Empty(scenes.People("CAM-1", 2 * FrameWidth, farPerson));
        // Back at the first resolution (a camera alternating between two streams): that scene is still known.
        Assert.Single(scenes.People("CAM-1", FrameWidth, farPerson));
    }

    [Fact]
    public void AReAimedCameraForgetsItsSceneAtEveryWidthAndLearnsTheNewOne()
    {
        var scenes = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        foreach (var boxes in Frames()) scenes.People("CAM-1", FrameWidth, boxes);
        foreach (var boxes in Frames()) scenes.People("CAM-2", FrameWidth, boxes);
        scenes.People("CAM-1", 2 * FrameWidth, Frames()[0]);
        PersonBox[] farPerson = [Person(100, 300, 0.3f)]; // counted only by a fitted scene

        scenes.Forget("CAM-1");
        Assert.False(scenes.Knows("CAM-1", FrameWidth));
        Assert.False(scenes.Knows("CAM-1", 2 * FrameWidth));
        Assert.Equal(["CAM-2"], scenes.TakeLearned().Select(l => l.Camera)); // the forgotten fit is not kept either
        Assert.Empty(scenes.People("CAM-1", FrameWidth, farPerson));
        Assert.Single(scenes.People("CAM-2", FrameWidth, farPerson));
        // It learns the new view from its next frames as a new camera does.
        foreach (var boxes in Frames().Skip(1)) scenes.People("CAM-1", FrameWidth, boxes);
        Assert.Single(scenes.People("CAM-1", FrameWidth, farPerson));
    }

    [Fact]
    public void AQuietCameraLearnsItsSceneOnceItsFramesHoldEnoughPeople()
    {
        // One confident person per frame: 10 frames hold half the boxes a fit needs; the frames are kept, not dropped.
        var scenes = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 10);
        PersonBox[] farPerson = [Person(500, 300, 0.3f)]; // counted only by a fitted scene
        for (int i = 0; i < 10; i++) scenes.People("CAM-QUIET", FrameWidth, [Person(10 + i * 10, 200 + i * 15, 0.8f)]);
        Assert.Empty(scenes.People("CAM-QUIET", FrameWidth, farPerson));
        // The fit is tried every 10 frames on all the frames so far: at 20 (19 people: one short), then at 30.
        for (int i = 10; i < 29; i++) scenes.People("CAM-QUIET", FrameWidth, [Person(10 + i * 10, 200 + i * 15, 0.8f)]);
        Assert.Single(scenes.People("CAM-QUIET", FrameWidth, farPerson));
    }

    [Fact]
    public void AQuietHourKeepsTheScenesPerspectiveAndLearnsWhatStandsThereAsAFixture()
    {
        var scenes = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30, keepFrames: 40);
        foreach (var boxes in Frames()) scenes.People("CAM-N", FrameWidth, boxes);
        // The store closes: a mannequin scoring low, of a person's height where it stands, in every frame.
        PersonBox[] mannequin = [Person(450, 300, 0.3f)];
        for (int i = 0; i < 39; i++) Assert.Single(scenes.People("CAM-N", FrameWidth, mannequin));
        // The 40th frame is the refit: nobody confident to fit from, but the mannequin stood in every frame.
        Assert.Empty(scenes.People("CAM-N", FrameWidth, mannequin));
        // The perspective stays: a far, low-scoring person of the right height still counts (the plain threshold would not).
        Assert.Single(scenes.People("CAM-N", FrameWidth, [Person(100, 300, 0.3f), mannequin[0]]));
        Assert.Equal(2, scenes.TakeLearned().Count); // the first fit, and the same scene with the fixtures, to be kept
    }

    [Fact]
    public void AResumedSceneCountsAsTheFittedOneDidFromItsFirstFrame()
    {
        var first = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        foreach (var boxes in Frames()) first.People("CAM-1", FrameWidth, boxes);
        var (camera, learned) = Assert.Single(first.TakeLearned());
        Assert.Equal("CAM-1", camera);
        Assert.Empty(first.TakeLearned()); // handed out once

        // Another worker (or this one after a restart) meets the camera: it resumes the kept scene instead of
        // counting at the plain threshold until it has learned it again.
        var resumed = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        Assert.False(resumed.Knows("CAM-1", FrameWidth));
        resumed.Resume("CAM-1", FrameWidth, learned);
        Assert.True(resumed.Knows("CAM-1", FrameWidth));
        var frame = Frames()[0].Concat([Person(100, 300, 0.3f), new PersonBox(600, 100, 615, 140, 0.3f)]).ToList();
        Assert.Equal(first.People("CAM-1", FrameWidth, frame), resumed.People("CAM-1", FrameWidth, frame));
        Assert.Equal(3, resumed.People("CAM-1", FrameWidth, frame).Count); // the far person yes, the fixture no

        var cold = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        cold.Resume("CAM-1", FrameWidth, null);
        Assert.Equal(2, cold.People("CAM-1", FrameWidth, frame).Count);
        // A scene learned at another width is not this one.
        var elsewhere = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        elsewhere.Resume("CAM-1", 2 * FrameWidth, learned);
        Assert.Equal(2, elsewhere.People("CAM-1", 2 * FrameWidth, frame).Count);
    }
}
