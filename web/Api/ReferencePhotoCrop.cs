using SkiaSharp;
using SmartStore.Storage;
using SmartStore.Vision.Intake;

namespace SmartStore.Web.Api;

/// <summary>Cuts a SKU reference photo down to a region and stores the cut in its place (API and SKU page).</summary>
public static class ReferencePhotoCrop
{
    private static readonly JpegIntake Intake = new(new IntakeLimits(JpegCheck.MaxBytes));

    /// <returns>The new photo; or null with errors for a bad region; or null and null when there is no such photo.</returns>
    public static async Task<(SkuRepository.PhotoInfo? Photo, FieldErrors? Errors)> Apply(SkuRepository repository, string code, long id,
        SkuEndpoints.CropInput input, string actor)
    {
        var errors = new FieldErrors();
        if (input.X is not { } x || input.Y is not { } y || input.Width is not { } width || input.Height is not { } height)
        {
            errors.Add("region", "x, y, width and height are required.");
            return (null, errors);
        }
        if (await repository.PhotoContent(code, id) is not { } original) return (null, null);
        try
        {
            var (jpeg, w, h) = PhotoCrop.Crop(Intake, original, SKRectI.Create(x, y, width, height));
            return (await repository.ReplacePhoto(code, id, jpeg, w, h, actor), null);
        }
        catch (ArgumentException e)
        {
            errors.Add("region", e.Message);
            return (null, errors);
        }
    }
}
