using System.Text.Json;
using SmartStore.Vision.Intake;
using SmartStore.Vision.People;
using Xunit;

namespace SmartStore.Vision.Tests;

public sealed class PersonDetectorTests
{
    [Fact]
    public async Task FindsTheAnnotatedPeopleInASparseFrame()
    {
        const string set = "pets2009-s2l1";
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.Data, set, "ground_truth.json")));
        var record = doc.RootElement.GetProperty("images").EnumerateArray().First(i => i.GetProperty("file").GetString() == "images/000001.jpg");
        var truth = record.GetProperty("persons").EnumerateArray().Select(p =>
        {
            var b = p.GetProperty("bbox").EnumerateArray().Select(v => v.GetSingle()).ToArray();
            return new PersonBox(b[0] - 1, b[1] - 1, b[0] - 1 + b[2], b[1] - 1 + b[3], 1);
        }).ToList();

        using var frame = new JpegIntake().Decode(await SharedFiles.BytesAsync(set, "images/000001.jpg"));
        using var detector = new PersonDetector(SharedFiles.Models, new PersonDetectorOptions());
        var found = detector.Detect(frame.Bitmap);

        Assert.InRange(truth.Count, 3, 6);
        foreach (var person in truth) Assert.Contains(found, d => d.IoU(person) >= 0.5f);
        Assert.InRange(found.Count, truth.Count - 1, truth.Count + 1);
    }

    [Fact]
    public void TilesCoverTheFrameWithOverlap()
    {
        var tiles = TileGrid.Layout(1920, 1080, new TilingOptions(2, 2, 0.25f));
        Assert.Equal(4, tiles.Count);
        Assert.Equal(0, tiles[0].Left);
        Assert.Equal(1920, tiles[1].Right);
        Assert.Equal(1080, tiles[3].Bottom);
        Assert.True(tiles[0].Right > tiles[1].Left, "neighbouring tiles overlap");
    }

    [Fact]
    public async Task AnInStoreCameraCountsTheMallCrowdBetterOnceItsSceneIsLearnedFromItsOwnFrames()
    {
        const string set = "mall-crowd";
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.Data, set, "ground_truth.json")));
        var frames = doc.RootElement.GetProperty("images").EnumerateArray()
            .Select(i => (File: i.GetProperty("file").GetString()!, Count: i.GetProperty("count").GetInt32())).Take(36).ToList();
        using var detector = new PersonDetector(SharedFiles.Models, new PersonDetectorOptions());
        var scenes = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        var intake = new JpegIntake();
        int plainError = 0, sceneError = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            using var frame = intake.Decode(await SharedFiles.BytesAsync(set, frames[i].File));
            var boxes = detector.Detect(frame.Bitmap, scenes.LowScore);
            var people = scenes.People("CAM-MALL", frame.Bitmap.Width, boxes);
            if (i < 29) Assert.Equal(boxes.Count(b => b.Score >= 0.40f), people.Count); // not fitted yet: the plain threshold
            if (i < 30) continue;
            plainError += Math.Abs(boxes.Count(b => b.Score >= 0.40f) - frames[i].Count);
            sceneError += Math.Abs(people.Count - frames[i].Count);
        }
        Assert.True(sceneError < 0.6 * plainError, $"scene-calibrated error {sceneError} vs plain {plainError} over 6 frames");
    }

    [Fact]
    public async Task AnInStoreCameraWhoseFirstFramesAreEmptyLearnsItsSceneOnceThePeopleCome()
    {
        const string set = "mall-crowd";
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.Data, set, "ground_truth.json")));
        var files = doc.RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("file").GetString()!).Take(36).ToList();
        using var detector = new PersonDetector(SharedFiles.Models, new PersonDetectorOptions());
        var scenes = new InteriorScenes(new SceneCalibrationOptions(), highScore: 0.40f, fitFrames: 30);
        // Before opening: 30 frames without anybody, so the first fit finds nothing to learn from.
        for (int i = 0; i < 30; i++) scenes.People("CAM-MALL", 640, []);
        var intake = new JpegIntake();
        int plain = 0, counted = 0;
        for (int i = 0; i < files.Count; i++)
        {
            using var frame = intake.Decode(await SharedFiles.BytesAsync(set, files[i]));
            var boxes = detector.Detect(frame.Bitmap, scenes.LowScore);
            var people = scenes.People("CAM-MALL", frame.Bitmap.Width, boxes);
            if (i < 29) continue;
            plain += boxes.Count(b => b.Score >= 0.40f);
            counted += people.Count;
        }
        Assert.True(counted > plain, $"after 30 frames with people the scene should be learned: {counted} counted vs {plain} at the plain threshold");
    }
}
