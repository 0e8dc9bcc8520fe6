using System.Net;
using SmartStore.GrainInterfaces;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// Stores open around the clock. A silent camera goes offline only while its store is open, and the demo chain's
/// stores close at 21:30 or 22:00 in Shanghai: a test that waits for an outage needs a store of its own like this,
/// or it fails whenever the suite runs in the evening (CI once ran at 22:29 Shanghai and did).
/// </summary>
public static class AllDayStores
{
    public static object Hours { get; } = new
    {
        weekly = Enumerable.Range(0, 7).Select(_ => new { open = "00:00:00", close = "23:59:59.9999999" }).ToArray(),
        exceptions = Array.Empty<object>(),
    };

    /// <summary>Creates the store and one camera of it; returns the camera's FTP secret.</summary>
    public static async Task<string> WithCamera(HttpClient admin, string store, string name, string region, string camera, string kind = "entrance")
    {
        var created = await admin.PostJson("/api/stores", new
        {
            code = store, name, regionCode = region, city = "北京", latitude = 39.9, longitude = 116.4, openingHours = Hours,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var registered = await admin.PostJson("/api/cameras", new { code = camera, kind, storeCode = store });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (await registered.Json())["secret"]!.GetValue<string>();
    }

    /// <summary>The store and a camera that reported once and fell silent: offline on its store when this returns.</summary>
    public static async Task<string> WithSilentCamera(SmartStoreSystem system, HttpClient admin, string store, string name, string region, string camera)
    {
        var secret = await WithCamera(admin, store, name, region, camera);
        using var device = system.Anonymous();
        await MasterDataApiTests.Heartbeat(device, camera, secret);
        await Eventually.Get(() => system.Grains.GetGrain<IStoreGrain>(store).GetCameras(), c => c.Count == 1 && !c[0].Online, what: $"{camera} offline");
        return secret;
    }
}
