using SmartStore.Vision.Intake;

namespace SmartStore.Web.Api;

/// <summary>
/// Decides whether uploaded bytes are a whole, decodable JPEG (reference photos of SKUs), with the vision
/// library's intake checks, so a truncated upload is caught here and not later by the recognizer.
/// </summary>
public static class JpegCheck
{
    public const long MaxBytes = 8 * 1024 * 1024;

    private static readonly JpegIntake Intake = new(new IntakeLimits(MaxBytes));

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
}
