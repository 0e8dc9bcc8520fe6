using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// The system's libjpeg-turbo (Debian's libturbojpeg0) through its TurboJPEG API. SkiaSharp's native library carries its own
/// libjpeg-turbo built without the SIMD code (no JSIMD_* in it), so its inverse DCT, upsampling and colour conversion run
/// in plain C; the system's copy runs them in AVX2. Same algorithm (the accurate integer IDCT, fancy upsampling), same
/// bytes: a 768 × 576 camera frame decodes in 1.3–1.7 ms in one piece against 2.1–2.8 ms for SkiaSharp in two bands on two cores.
/// Where the package is missing, <see cref="Available"/> is false and <see cref="JpegIntake"/> decodes with SkiaSharp alone.
/// </summary>
internal static unsafe partial class TurboJpeg
{
    private const string Library = "libturbojpeg.so.0";
    private const int PixelRgba = 7;                 // TJPF_RGBA: alpha written as 0xFF, as SkiaSharp's opaque RGBA
    private const int AccurateDct = 4096;            // TJFLAG_ACCURATEDCT: the integer IDCT SkiaSharp uses
    private const int StopOnWarning = 8192;          // TJFLAG_STOPONWARNING: a premature end is a failure, not grey rows
    private const int LimitScans = 32768;            // TJFLAG_LIMITSCANS: a hostile progressive file cannot spin for minutes

    public static bool Available { get; } = NativeLibrary.TryLoad(Library, out _);

    // A TurboJPEG handle serves one decode at a time. Idle ones wait here for the next decode, so there are as many as
    // decodes ever ran at once (a few KB each). One per thread instead leaked a handle with every thread-pool thread the
    // runtime retires, for as long as the silo runs.
    private static readonly ConcurrentBag<nint> Idle = [];
    private static int created;

    /// <summary>Handles made so far: as many as decodes ever ran at once.</summary>
    public static int HandlesCreated => Volatile.Read(ref created);

    /// <summary>
    /// Decodes <paramref name="jpeg"/> into <paramref name="into"/> (RGBA, the JPEG's own size). False on anything but a
    /// clean decode — truncated, corrupt, a warning — and the caller decodes with SkiaSharp, which names the fault.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> jpeg, SKBitmap into)
    {
        if (!Idle.TryTake(out var handle))
        {
            if ((handle = tjInitDecompress()) == 0) return false;
            Interlocked.Increment(ref created);
        }
        try
        {
            fixed (byte* source = jpeg)
                return tjDecompress2(handle, source, (nuint)jpeg.Length, (byte*)into.GetPixels(), into.Width, into.RowBytes, into.Height,
                    PixelRgba, AccurateDct | StopOnWarning | LimitScans) == 0;
        }
        finally
        {
            Idle.Add(handle);
        }
    }

    [LibraryImport(Library)]
    private static partial nint tjInitDecompress();

    [LibraryImport(Library)]
    private static partial int tjDecompress2(nint handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf, int width, int pitch, int height,
        int pixelFormat, int flags);
}
