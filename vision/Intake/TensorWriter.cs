using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// Resizes a region of a frame into the top-left of a model canvas and normalises it into an InputTensor,
/// padding the rest. Scratch rows are kept between frames (one writer per worker, not thread-safe).
/// The resize is bilinear with pixel centres aligned (as Skia's linear sampling), done here in one pass with the
/// normalisation: Skia's own ScalePixels took 3.2 ms of a 3.8 ms letterbox for a 768×576 frame, as much as a fifth of
/// the detector's inference on a fast core. A detector canvas is written in two bands of rows on two cores, eight pixels
/// at a time (<see cref="LetterboxRows"/>): 768×576 → 640 1.84 → 0.58 ms, 640×480 → 640 1.08 → 0.33 ms on this VM.
/// </summary>
public sealed class TensorWriter : IDisposable
{
    /// <summary>Canvases this large (a detector's) are split into two bands of rows; a 224² product crop is not worth it.</summary>
    public const int BandedMinCanvasPixels = 150_000;

    private readonly ResizeAxis columns = new(), rows = new();
    private readonly LetterboxRows upperBand = new(), lowerBand = new();
    private readonly SecondCore secondCore = new();
    private readonly Action writeUpper, writeLower;
    // The banded write in progress: fields, so the two halves' delegates are made once, not per frame.
    private LetterboxJob bandedJob;
    private int split, canvasRows;
    private SKBitmap? converted;

    public TensorWriter()
    {
        writeUpper = () => upperBand.Write(bandedJob, 0, split);
        writeLower = () => lowerBand.Write(bandedJob, split, canvasRows);
    }

    /// <summary>Letterbox the whole frame (aspect kept, top-left anchored). Returns the scale r = canvas / source.</summary>
    public float Letterbox(SKBitmap source, InputTensor tensor, PixelNormalization norm, float padValue) =>
        Letterbox(source, new SKRectI(0, 0, source.Width, source.Height), tensor, norm, padValue);

    /// <summary>Letterbox one region (a tile or a crop) of the frame. Returns the scale r.</summary>
    public float Letterbox(SKBitmap source, SKRectI region, InputTensor tensor, PixelNormalization norm, float padValue)
    {
        var r = Math.Min(tensor.Width / (float)region.Width, tensor.Height / (float)region.Height);
        int w = Math.Clamp((int)(region.Width * r), 1, tensor.Width), h = Math.Clamp((int)(region.Height * r), 1, tensor.Height);
        Write(source, region, tensor, w, h, norm, padValue);
        return r;
    }

    /// <summary>Stretch a region to the full canvas (aspect not kept): re-id crops, UltraFace, classifier crops.</summary>
    public void Stretch(SKBitmap source, SKRectI region, InputTensor tensor, PixelNormalization norm) =>
        Write(source, region, tensor, tensor.Width, tensor.Height, norm, 0f);

    private void Write(SKBitmap source, SKRectI region, InputTensor tensor, int w, int h, PixelNormalization norm, float padValue)
    {
        region.Intersect(new SKRectI(0, 0, source.Width, source.Height));
        if (region.Width <= 0 || region.Height <= 0) throw new ArgumentException("Region lies outside the frame.", nameof(region));
        var pixels = FourBytesPerPixel(source);
        columns.Fit(region.Width, w);
        rows.Fit(region.Height, h);
        var job = new LetterboxJob(pixels, region, tensor, w, h, norm, padValue, columns, rows);
        if ((long)tensor.Width * tensor.Height < BandedMinCanvasPixels || Environment.ProcessorCount < 2)
        {
            upperBand.Write(job, 0, tensor.Height);
            return;
        }
        // Split the picture's rows evenly; the lower band also writes the padding below it, which costs little.
        (bandedJob, split, canvasRows) = (job, h / 2, tensor.Height);
        try
        {
            secondCore.Run(writeUpper, writeLower);
        }
        finally
        {
            bandedJob = default; // holds the tensor's floats and the frame's pixels otherwise
        }
    }

    /// <summary>The frame as RGBA or BGRA bytes (decoded frames already are; anything else is converted once into scratch).</summary>
    private SKBitmap FourBytesPerPixel(SKBitmap source)
    {
        if (source.ColorType is SKColorType.Rgba8888 or SKColorType.Bgra8888) return source;
        if (converted is null || converted.Width != source.Width || converted.Height != source.Height)
        {
            converted?.Dispose();
            converted = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        }
        if (!source.CopyTo(converted, SKColorType.Rgba8888))
            throw new InvalidOperationException($"Cannot read {source.ColorType} pixels.");
        return converted;
    }

    public void Dispose() => converted?.Dispose();
}
