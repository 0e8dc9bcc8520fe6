using SmartStore.Vision.Intake;

namespace SmartStore.Web.Api;

/// <summary>
/// Decides whether uploaded bytes are a whole, decodable JPEG (reference photos of SKUs), with the vision
/// library's intake checks, so a truncated upload is caught here and not later by the recognizer.
/// </summary>
public static class JpegCheck
{
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>The intake every uploaded photo goes through (SKU references, to-do photos): whole JPEGs up to <see cref="MaxBytes"/>.</summary>
    public static readonly JpegIntake Intake = new(new IntakeLimits(MaxBytes));

    /// <param name="IsJpeg">False when the bytes are no JPEG at all; true (and not Ok) when a JPEG is damaged or cut short.</param>
    public sealed record Result(bool Ok, bool IsJpeg, int Width, int Height, string Problem);

    public static Result Inspect(byte[] bytes)
    {
        try
        {
            var (width, height) = Intake.Inspect(bytes);
            return new Result(true, true, width, height, "");
        }
        catch (ImageRejectedException e) when (e.Reason is RejectionReason.NotJpeg or RejectionReason.Empty)
        {
            return new Result(false, false, 0, 0, "The body is not a JPEG image.");
        }
        catch (ImageRejectedException e)
        {
            return new Result(false, true, 0, 0, $"The JPEG is damaged or truncated ({e.Reason}).");
        }
    }

    /// <summary>
    /// Reads a raw image/jpeg request body, at most <see cref="MaxBytes"/> (the rest is never buffered), and checks
    /// it is a whole JPEG. Returns the bytes, or the problem to answer with (413 too large, 400 not a usable JPEG).
    /// </summary>
    public static async Task<(byte[]? Jpeg, Result Check, IResult? Problem)> ReadBody(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = Results.Problem(statusCode: 413, title: "Image too large", detail: $"The image is larger than {MaxBytes / 1024 / 1024} MB.");
        if (request.ContentLength > MaxBytes) return (null, new Result(false, false, 0, 0, ""), tooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, new Result(false, false, 0, 0, ""), tooLarge);
            buffer.Write(chunk, 0, read);
        }
        var jpeg = buffer.ToArray();
        var check = Inspect(jpeg);
        return check.Ok ? (jpeg, check, null) : (null, check, Results.Problem(statusCode: 400, title: "Not a usable JPEG", detail: check.Problem));
    }
}
