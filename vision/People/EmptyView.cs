using SkiaSharp;
using SmartStore.Vision.Intake;

namespace SmartStore.Vision.People;

/// <summary>
/// What a fixed camera sees with nobody in view, learned from its own footage: each pixel's median over frames spread
/// across it. People move on and the floor stays, so wherever nobody stands in more than half of the frames the median
/// is the floor, the shelves and the doors — the picture a store's camera sends after closing time.
/// </summary>
public static class EmptyView
{
    /// <summary>
    /// The empty view of a camera's footage (JPEG files in order): the median of at most <paramref name="mostFrames"/> of
    /// them, spread evenly over it, so someone lingering for a while is in few of them.
    /// </summary>
    public static SKBitmap OfFootage(IReadOnlyList<string> jpegFiles, int mostFrames)
    {
        var count = Math.Min(mostFrames, jpegFiles.Count);
        var intake = new JpegIntake();
        var frames = Enumerable.Range(0, count).Select(i => intake.Decode(File.ReadAllBytes(jpegFiles[i * jpegFiles.Count / count]))).ToList();
        try
        {
            return Of(frames.Select(f => f.Bitmap).ToList());
        }
        finally
        {
            foreach (var frame in frames) frame.Dispose();
        }
    }

    /// <summary>The frames' per-pixel, per-channel median; the frames are of one camera (same size, RGBA or BGRA alike).</summary>
    public static SKBitmap Of(IReadOnlyList<SKBitmap> frames)
    {
        if (frames.Count == 0) throw new ArgumentException("An empty view needs at least one frame.", nameof(frames));
        var info = frames[0].Info;
        if (frames.Any(f => f.Width != info.Width || f.Height != info.Height || f.ColorType != info.ColorType || f.BytesPerPixel != 4))
            throw new ArgumentException("The frames of an empty view must be of one size and one 4-byte pixel format.", nameof(frames));
        var empty = new SKBitmap(info);
        var target = empty.GetPixelSpan();
        var sources = frames.Select(f => f.GetPixels()).ToArray();
        var values = new byte[frames.Count];
        for (int i = 0; i < target.Length; i++)
        {
            if (i % 4 == 3) { target[i] = 255; continue; } // alpha: opaque, as a camera picture is
            target[i] = Median(sources, i, values);
        }
        return empty;
    }

    private static unsafe byte Median(nint[] sources, int offset, byte[] values)
    {
        for (int f = 0; f < sources.Length; f++) values[f] = ((byte*)sources[f])[offset];
        Array.Sort(values);
        return values[values.Length / 2];
    }
}
