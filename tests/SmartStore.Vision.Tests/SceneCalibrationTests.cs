using SmartStore.Vision.People;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class SceneCalibrationTests
{
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
        var scene = SceneCalibration.Fit(Frames(), 0.40f, new SceneCalibrationOptions());
        Assert.True(scene.IsFitted);
        Assert.InRange(scene.Slope, 0.18f, 0.22f);
        Assert.InRange(scene.Intercept, 15f, 25f);
    }

    [Fact]
    public void CountsLowScorePeopleOfPlausibleHeightOnly()
    {
        var scene = SceneCalibration.Fit(Frames(), 0.40f, new SceneCalibrationOptions());
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
        var scene = SceneCalibration.Fit([[Person(10, 200, 0.8f)]], 0.40f, new SceneCalibrationOptions());
        Assert.False(scene.IsFitted);
        Assert.Equal(1, scene.Count([Person(10, 200, 0.8f), Person(100, 300, 0.3f)]));
    }
}
