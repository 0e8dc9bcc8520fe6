using SkiaSharp;
using SmartStore.Bench.Data;
using SmartStore.Vision.Intake;

namespace SmartStore.Bench.Display;

/// <summary>
/// Real image windows that certainly contain no product: squares of 96–224 px from the pets2009-s2l1 and tud-mot15
/// frames (outdoor campus / street scenes) that stay clear of every annotated person and ignore box by 15 % of its size.
/// Deterministic (fixed seed). See DisplayAccuracyBenchmark for why these and not photo borders.
/// </summary>
internal static class EmptyCrops
{
    public sealed record Crop(string Source, SKBitmap Bitmap);

    public static async Task<List<Crop>> LoadAsync(IReadOnlyDictionary<string, GtSet> sets, JpegIntake intake, int wanted, CancellationToken cancellation)
    {
        var sources = new[] { "pets2009-s2l1", "tud-mot15" }.Where(sets.ContainsKey).Select(n => sets[n]).ToList();
        var result = new List<Crop>();
        if (sources.Count == 0) return result;
        var rng = new Random(11);
        var perSource = (wanted + sources.Count - 1) / sources.Count;
        foreach (var set in sources)
        {
            // Frames spread over the sequence; a few windows from each.
            var frames = set.Images.Where((_, i) => i % 5 == 0).ToList();
            var perFrame = Math.Max(1, (perSource + frames.Count - 1) / frames.Count);
            int taken = 0;
            foreach (var img in frames)
            {
                if (taken >= perSource) break;
                using var frame = await intake.DecodeFileAsync(set.PathOf(img.File), cancellation).ConfigureAwait(false);
                var blocked = (img.Persons ?? []).Concat(img.Ignore ?? []).Select(p => Grow(p.Bbox)).ToList();
                for (int attempt = 0, here = 0; attempt < 60 && here < perFrame && taken < perSource; attempt++)
                {
                    var side = rng.Next(96, 225);
                    if (side >= frame.Width || side >= frame.Height) continue;
                    var window = SKRect.Create(rng.Next(0, frame.Width - side), rng.Next(0, frame.Height - side), side, side);
                    if (blocked.Any(b => b.IntersectsWith(window))) continue;
                    var copy = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
                    using (var canvas = new SKCanvas(copy))
                    using (var image = SKImage.FromBitmap(frame.Bitmap))
                        canvas.DrawImage(image, window, SKRect.Create(0, 0, side, side), new SKSamplingOptions(SKFilterMode.Nearest), null);
                    result.Add(new Crop(set.Dataset, copy));
                    here++; taken++;
                }
            }
        }
        return result;
    }

    /// <summary>x, y, w, h grown by 15 % of its size on every side.</summary>
    private static SKRect Grow(float[] b) => SKRect.Create(b[0] - 0.15f * b[2], b[1] - 0.15f * b[3], 1.3f * b[2], 1.3f * b[3]);
}
