using SmartStore.Vision.Intake;

namespace SmartStore.Web.Api;

/// <summary>
/// The photo a store sends with a done to-do (整改照片): a phone's 4,000-pixel JPEG is kept upright and at most
/// <see cref="MaxWidth"/> wide — enough to see a shelf put right, a tenth of the bytes in the database.
/// </summary>
public static class TodoProof
{
    public const int MaxWidth = 1280;

    /// <summary>A kept photo at most <paramref name="width"/> wide, for a list of to-dos.</summary>
    public static byte[] Smaller(byte[] photo, int width) => PhotoPreview.Scale(JpegCheck.Intake, photo, width);

    /// <summary>What is kept of a whole JPEG (checked by <see cref="JpegCheck"/>): upright, at most <see cref="MaxWidth"/> wide.</summary>
    public static byte[] Kept(byte[] jpeg) => Smaller(jpeg, MaxWidth);

    /// <summary>The photo to keep, or why the upload is not one (its check says whether it was a JPEG at all).</summary>
    public static (byte[]? Photo, JpegCheck.Result Check) Prepare(byte[] upload)
    {
        var check = JpegCheck.Inspect(upload);
        return check.Ok ? (Kept(upload), check) : (null, check);
    }
}
