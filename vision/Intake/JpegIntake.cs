using System.Collections.Concurrent;
using SkiaSharp;

namespace SmartStore.Vision.Intake;

/// <summary>
/// Turns uploaded bytes into a frame, or refuses them with a reason. SkiaSharp's high-level decode fills a
/// truncated JPEG with grey and reports success, so decoding goes through SKCodec.GetPixels and treats
/// IncompleteInput as corrupt: a half-grey frame would read as "camera blocked" or "store empty".
/// </summary>
/// <param name="systemDecoder">false: SkiaSharp's decoder alone, as before the system's libjpeg-turbo (for comparing the two).</param>
public sealed class JpegIntake(IntakeLimits? limits = null, bool systemDecoder = true)
{
    private const int PooledPerSize = 4;
    private readonly IntakeLimits limits = limits ?? IntakeLimits.Default;
    private readonly ConcurrentDictionary<(int W, int H), ConcurrentBag<SKBitmap>> pool = new();

    public IntakeLimits Limits => limits;

    /// <summary>Whether frames are decoded by the system's libjpeg-turbo (with SkiaSharp for what it refuses), not SkiaSharp alone.</summary>
    public bool UsesSystemDecoder => systemDecoder && TurboJpeg.Available;

    public async Task<DecodedFrame> DecodeFileAsync(string path, CancellationToken cancellation = default)
    {
        var length = new FileInfo(path).Length;
        if (length > limits.MaxBytes) throw new ImageRejectedException(RejectionReason.TooLarge, $"{length} bytes > {limits.MaxBytes}");
        var bytes = await File.ReadAllBytesAsync(path, cancellation).ConfigureAwait(false);
        return Decode(bytes);
    }

    public DecodedFrame Decode(ReadOnlySpan<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = OpenCodec(data, bytes);
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var bitmap = Rent(w, h);
        // The system's SIMD decoder first (TurboJpeg); what it does not decode cleanly, and a band that comes up short, is
        // decoded again by SkiaSharp in one piece below, which names the fault.
        var decoded = UsesSystemDecoder && TurboJpeg.TryDecode(bytes, bitmap)
            || JpegBands.Worthwhile(bytes, w, h) && JpegBands.TryDecode(data, info, bitmap);
        var result = decoded ? SKCodecResult.Success : codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            Return(bitmap);
            throw Failure(result);
        }

        var origin = codec.EncodedOrigin;
        if (origin == SKEncodedOrigin.TopLeft) return new DecodedFrame(bitmap, Return);
        return new DecodedFrame(FrameOrientation.Upright(bitmap, origin), null);
    }

    /// <summary>
    /// A frame for showing, not analysing: decoded scaled in the DCT to the smallest eighth of the picture at least
    /// <paramref name="minWidth"/> wide (upright), which still reads every scan, so truncation is caught as in
    /// <see cref="Decode"/>, at a fraction of a full decode's cost — a 480-wide preview of a 1080p snapshot decodes 3/8 of it.
    /// </summary>
    public DecodedFrame DecodeAtLeast(ReadOnlySpan<byte> bytes, int minWidth)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = OpenCodec(data, bytes);
        var origin = codec.EncodedOrigin;
        // A picture turned a quarter shows its stored height as its width.
        var quarterTurn = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var size = codec.Info.Size;
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if ((quarterTurn ? scaled.Height : scaled.Width) >= minWidth) { size = scaled; break; }
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw Failure(result);
        }
        return new DecodedFrame(origin == SKEncodedOrigin.TopLeft ? bitmap : FrameOrientation.Upright(bitmap, origin), null);
    }

    /// <summary>
    /// Checks that the bytes are a whole, decodable JPEG and returns its size, without keeping pixels: the
    /// decoder scales by 1/8 in the DCT, which still reads every scan (so truncation is caught) at a
    /// fraction of a full decode's cost. For intake, where a snapshot is stored, not yet analysed.
    /// </summary>
    public (int Width, int Height) Inspect(ReadOnlySpan<byte> bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = OpenCodec(data, bytes);
        var scaled = codec.GetScaledDimensions(0.125f);
        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success) throw Failure(result);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Header checks shared by Decode and Inspect: byte cap, JPEG markers, format, pixel cap.</summary>
    private SKCodec OpenCodec(SKData data, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw new ImageRejectedException(RejectionReason.Empty, "no bytes");
        if (bytes.Length > limits.MaxBytes) throw new ImageRejectedException(RejectionReason.TooLarge, $"{bytes.Length} bytes > {limits.MaxBytes}");
        // SOI marker + first segment marker; anything else is not a JPEG whatever its file name says.
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 || bytes[2] != 0xFF)
            throw new ImageRejectedException(RejectionReason.NotJpeg, "missing JPEG start-of-image marker");
        var codec = SKCodec.Create(data)
            ?? throw new ImageRejectedException(RejectionReason.Corrupt, "codec refused the header");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        var problem = codec.EncodedFormat != SKEncodedImageFormat.Jpeg
            ? new ImageRejectedException(RejectionReason.NotJpeg, $"format is {codec.EncodedFormat}")
            : w <= 0 || h <= 0
                ? new ImageRejectedException(RejectionReason.Corrupt, "zero size")
                : (long)w * h > limits.MaxPixels
                    ? new ImageRejectedException(RejectionReason.TooManyPixels, $"{w}x{h} exceeds {limits.MaxPixels} pixels")
                    : null;
        if (problem is null) return codec;
        codec.Dispose();
        throw problem;
    }

    private static ImageRejectedException Failure(SKCodecResult result) => result == SKCodecResult.IncompleteInput
        ? new ImageRejectedException(RejectionReason.Truncated, "JPEG data ends before the last scan line")
        : new ImageRejectedException(RejectionReason.Corrupt, $"decode failed: {result}");

    private SKBitmap Rent(int w, int h) =>
        pool.TryGetValue((w, h), out var bag) && bag.TryTake(out var b)
            ? b
            : new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));

    private void Return(SKBitmap bitmap)
    {
        var bag = pool.GetOrAdd((bitmap.Width, bitmap.Height), _ => []);
        if (bag.Count < PooledPerSize) bag.Add(bitmap); else bitmap.Dispose();
    }
}
