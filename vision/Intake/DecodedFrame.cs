using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// A decoded, upright RGBA frame. Disposing it hands the pixel buffer back to the intake's pool so a worker
/// that sees the same camera resolution all day does not allocate a new bitmap per snapshot.
/// </summary>
public sealed class DecodedFrame : IDisposable
{
    private readonly Action<SKBitmap>? recycle;
    private SKBitmap? bitmap;

    internal DecodedFrame(SKBitmap bitmap, Action<SKBitmap>? recycle)
    {
        this.bitmap = bitmap;
        this.recycle = recycle;
    }

    /// <summary>Wraps a bitmap the caller owns (tests, synthetic frames); disposing the frame disposes it.</summary>
    public static DecodedFrame FromBitmap(SKBitmap bitmap) => new(bitmap, null);

    public SKBitmap Bitmap => bitmap ?? throw new ObjectDisposedException(nameof(DecodedFrame));
    public int Width => Bitmap.Width;
    public int Height => Bitmap.Height;

    public void Dispose()
    {
        var b = Interlocked.Exchange(ref bitmap, null);
        if (b is null) return;
        if (recycle is null) b.Dispose(); else recycle(b);
    }
}
