using SmartStore.GrainInterfaces;
using SmartStore.Models;

namespace SmartStore.Web.Pages;

/// <summary>Reads the SKU gallery's state for the SKU pages; null when no silo answers in a moment (the page still shows).</summary>
public static class RecognitionGallery
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public static async Task<SkuGalleryStatus?> Status(IClusterClient cluster, ILogger logger)
    {
        try
        {
            return await cluster.GetGrain<IRecognitionGrain>(IRecognitionGrain.Key).GalleryStatus().WaitAsync(Patience);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogWarning(e, "The recognition gallery's status did not arrive; the SKU page shows without it");
            return null;
        }
    }
}
