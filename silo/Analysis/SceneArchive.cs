using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SmartStore.Storage;
using SmartStore.Vision.People;

namespace SmartStore.Silo.Analysis;

/// <summary>
/// Keeps what each in-store camera's scene learned in PostgreSQL, and gives it back to a worker that meets the camera
/// for the first time (after a restart, or on another silo). Best effort: a scene that cannot be read starts unfitted
/// (the camera learns it again from its next 10 frames), one that cannot be written is written at the next fit; neither
/// stops the analysis.
/// </summary>
public sealed class SceneArchive(CameraScenes scenes, ILogger<SceneArchive> logger)
{
    public async Task<LearnedScene?> Recall(string cameraCode, int frameWidth)
    {
        try
        {
            return await scenes.Find(cameraCode, frameWidth) is { } json ? Read(json, frameWidth) : null;
        }
        catch (Exception e) when (e is DbException or JsonException or InvalidOperationException)
        {
            logger.LogWarning(e, "The scene {Camera} learned at width {Width} could not be read; it is learned again", cameraCode, frameWidth);
            return null;
        }
    }

    public async Task Keep(string cameraCode, LearnedScene scene)
    {
        try
        {
            await scenes.Keep(cameraCode, scene.FrameWidth, Write(scene));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "The scene {Camera} learned could not be kept; its next fit will be", cameraCode);
        }
    }

    /// <summary>The camera was re-aimed or moved: what it learned before is not resumed (best effort, as keeping is).</summary>
    public async Task Forget(string cameraCode)
    {
        try
        {
            await scenes.Forget(cameraCode);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "The scenes {Camera} learned before it was re-aimed or moved could not be forgotten; its next fit replaces them", cameraCode);
        }
    }

    /// <summary>Each reference box as [x1, y1, x2, y2, score], rounded: a crowded camera's 60 reference frames come to tens of KB.</summary>
    private sealed record Stored(float Slope, float Intercept, float TypicalAspect, float[][][] Reference);

    internal static string Write(LearnedScene scene) => JsonSerializer.Serialize(new Stored(scene.Slope, scene.Intercept, scene.TypicalAspect,
        [.. scene.Reference.Select(frame => frame.Select(b => new[] { R(b.X1), R(b.Y1), R(b.X2), R(b.Y2), MathF.Round(b.Score, 3) }).ToArray())]));

    internal static LearnedScene Read(string json, int frameWidth)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json);
        if (stored?.Reference is null || stored.Reference.Any(frame => frame is null || frame.Any(b => b is not { Length: 5 })))
            throw new JsonException("not a kept scene: its reference frames are missing or malformed");
        return new LearnedScene(frameWidth, stored.Slope, stored.Intercept, stored.TypicalAspect,
            [.. stored.Reference.Select(frame => (IReadOnlyList<PersonBox>)[.. frame.Select(b => new PersonBox(b[0], b[1], b[2], b[3], b[4]))])]);
    }

    private static float R(float v) => MathF.Round(v, 1);
}
