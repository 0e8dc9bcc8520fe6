using SmartStore.Vision;
using SmartStore.Vision.Models;

namespace SmartStore.Vision.Tests;

/// <summary>Finds ../shared exactly as the library does (SMARTSTORE_MODELS / SMARTSTORE_DATA, then beside the repo root).</summary>
internal static class SharedFiles
{
    public static ModelStore Models { get; } = ModelStore.Locate();
    public static string Data { get; } = SharedAssets.DataDirectory();
    public static string Image(string set, string relative) => Path.Combine(Data, set, relative);
    public static Task<byte[]> BytesAsync(string set, string relative) => File.ReadAllBytesAsync(Image(set, relative));
}
