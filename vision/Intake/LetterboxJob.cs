using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// Everything one letterbox or stretch needs, fixed before its rows are written (by one band or two): where the
/// region's pixels are, the canvas, the picture's size on it, and the normalisation folded into scale and offset.
/// </summary>
internal readonly struct LetterboxJob
{
    public LetterboxJob(SKBitmap pixels, SKRectI region, InputTensor tensor, int width, int height, PixelNormalization norm, float padValue,
        ResizeAxis columns, ResizeAxis rows)
    {
        RowBytes = pixels.RowBytes;
        Pixels = pixels.GetPixels() + (nint)((long)region.Top * RowBytes + region.Left * 4);
        SourceSpan = region.Width * 4;
        // Memory index (RGBA or BGRA) of each model channel.
        var red = pixels.ColorType == SKColorType.Rgba8888 ? 0 : 2;
        First = norm.Order == ChannelOrder.Rgb ? red : 2 - red;
        Third = 2 - First;
        (Scale0, Scale1, Scale2) = (1f / norm.Std[0], 1f / norm.Std[1], 1f / norm.Std[2]);
        (Mean0, Mean1, Mean2) = (norm.Mean[0], norm.Mean[1], norm.Mean[2]);
        (Pad0, Pad1, Pad2) = ((padValue - Mean0) * Scale0, (padValue - Mean1) * Scale1, (padValue - Mean2) * Scale2);
        Data = tensor.Data;
        CanvasWidth = tensor.Width;
        Plane = tensor.Width * tensor.Height;
        Planar = tensor.Layout == TensorLayout.Nchw;
        (Width, Height) = (width, height);
        SameSize = width == region.Width && height == region.Height;
        (Columns, Rows) = (columns, rows);
    }

    public nint Pixels { get; }
    public int RowBytes { get; }
    /// <summary>Bytes of one region row (four per pixel).</summary>
    public int SourceSpan { get; }
    /// <summary>Byte offsets within a pixel of the model's first and third channel (the second is always 1).</summary>
    public int First { get; }
    public int Third { get; }
    // Model channel c = (byte − Mean c) × Scale c; padding is the pad grey so normalised. Fields, not arrays: no allocation per crop.
    public float Mean0 { get; }
    public float Mean1 { get; }
    public float Mean2 { get; }
    public float Scale0 { get; }
    public float Scale1 { get; }
    public float Scale2 { get; }
    public float Pad0 { get; }
    public float Pad1 { get; }
    public float Pad2 { get; }
    public float[] Data { get; }
    public int CanvasWidth { get; }
    public int Plane { get; }
    /// <summary>NCHW: three planes; NHWC: interleaved.</summary>
    public bool Planar { get; }
    /// <summary>Floats from one pixel to the next within a channel's row: 1 in a plane, 3 interleaved.</summary>
    public int Step => Planar ? 1 : 3;
    public int Width { get; }
    public int Height { get; }
    public bool SameSize { get; }
    public ResizeAxis Columns { get; }
    public ResizeAxis Rows { get; }
}
