using SmartStore.Models;
using static SmartStore.Storage.Webhooks;

namespace SmartStore.Web.Alerts;

/// <summary>
/// The page a message's reader opens next — the camera that went offline, the store that looks closed, yesterday's
/// benchmark — at the address people reach SmartStore at (<see cref="WebhookOptions.PublicUrl"/>). Without that address
/// a message carries no link: the web host cannot know how the group's phones reach it.
/// </summary>
public static class PageLinks
{
    /// <summary>The address with no trailing slash, or null when none is set or it is not an absolute http(s) address.</summary>
    public static string? Root(string? publicUrl) =>
        Uri.TryCreate(publicUrl?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    /// <summary>The page an alert is about (a test send's: the home page); null without a root and for a daily report (it carries its own).</summary>
    public static string? Of(DueDelivery d, string? root)
    {
        if (root is null) return null;
        var path = d.Kind switch
        {
            AlertKinds.CameraOffline or AlertKinds.CameraOnline or AlertKinds.ViewFault or AlertKinds.ViewCleared when d.CameraCode is not null =>
                $"/cameras/{Uri.EscapeDataString(d.CameraCode)}",
            AlertKinds.TodoOverdue or AlertKinds.TodoDone when d.StoreCode is not null => $"/inspections?store={Uri.EscapeDataString(d.StoreCode)}#todos",
            WebhookMessage.TestKind => "/",
            AlertKinds.DailyReport => null,
            _ when d.StoreCode is not null => $"/stores/{Uri.EscapeDataString(d.StoreCode)}",
            _ => null,
        };
        return path is null ? null : root + path;
    }

    /// <summary>The store's page (its own daily report's link).</summary>
    public static string? Store(string? root, string storeCode) => root is null ? null : $"{root}/stores/{Uri.EscapeDataString(storeCode)}";

    /// <summary>The day's store benchmark (门店对标) of the region, or of the chain when <paramref name="region"/> is null.</summary>
    public static string? Report(string? root, DateOnly day, string? region)
    {
        if (root is null) return null;
        var date = day.ToString("yyyy-MM-dd");
        var scope = region is null ? "" : $"&region={Uri.EscapeDataString(region)}";
        return $"{root}/traffic?from={date}&to={date}{scope}#store-benchmark";
    }
}
