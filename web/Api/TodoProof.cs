using SmartStore.Vision.Intake;

namespace SmartStore.Web.Api;

/// <summary>
/// The photo a store sends with a done to-do (整改照片): a phone's 4,000-pixel JPEG is kept upright and at most
/// <see cref="MaxWidth"/> wide — enough to see a shelf put right, a tenth of the bytes in the database.
/// </summary>
public static class TodoProof
{
    public const int MaxWidth = 1280;
    private static readonly JpegIntake Intake = new(new IntakeLimits(JpegCheck.MaxBytes));

    /// <summary>A kept photo at most <paramref name="width"/> wide, for a list of to-dos.</summary>
    public static byte[] Smaller(byte[] photo, int width) => PhotoPreview.Scale(Intake, photo, width);

    /// <summary>The photo to keep, or why the upload is not one (its check says whether it was a JPEG at all).</summary>
    public static (byte[]? Photo, JpegCheck.Result Check) Prepare(byte[] upload)
    {
        var check = JpegCheck.Inspect(upload);
        return check.Ok ? (PhotoPreview.Scale(Intake, upload, MaxWidth), check) : (null, check);
    }
}
