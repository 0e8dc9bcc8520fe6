using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using SmartStore.Testing;
using Xunit.Abstractions;

namespace SmartStore.Integration.Tests;

[Collection(SystemCollection.Name)]
public sealed class DeviceAndLiveTests(SmartStoreSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task Heartbeats_with_wrong_or_missing_credentials_are_rejected_and_change_nothing()
    {
        using var device = system.Anonymous();
        var secret = system.CameraSecret("CAM-S0005-E1");

        Assert.Equal(HttpStatusCode.Unauthorized, (await MasterDataApiTests.Heartbeat(device, "CAM-S0005-E1", "wrong-secret")).StatusCode);
        // Another camera's valid secret does not open this one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await MasterDataApiTests.Heartbeat(device, "CAM-S0005-E1", system.CameraSecret("CAM-S0006-E1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MasterDataApiTests.Heartbeat(device, "CAM-NOPE", secret)).StatusCode);
        var missing = await device.PostAsync("/api/devices/CAM-S0005-E1/heartbeat", null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("Basic", await missing.Detail());

        using var admin = await system.SignedIn("admin");
        var camera = await (await admin.GetAsync("/api/cameras/CAM-S0005-E1")).Json();
        Assert.False(camera["status"]!["online"]!.GetValue<bool>());

        var ok = await MasterDataApiTests.Heartbeat(device, "CAM-S0005-E1", secret);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True((await ok.Json())["online"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Camera_changes_reach_the_hub_groups_the_viewer_may_see()
    {
        using var admin = await system.SignedIn("admin");
        var hqKey = await IssueKey(admin, "hq_analyst", null);
        var eastKey = await IssueKey(admin, "region_manager", "EAST");

        // A NORTH store open around the clock, so the offline rule (only during opening hours) applies
        // whatever the time of day the tests run at.
        var northSecret = await AllDayStores.WithCamera(admin, "X0601", "通宵店", "NORTH", "CAM-X0601-E1");

        var hq = await Listen(hqKey);
        var east = await Listen(eastKey);
        using var device = system.Anonymous();

        var north = Stopwatch.StartNew();
        await MasterDataApiTests.Heartbeat(device, "CAM-X0601-E1", northSecret);
        var hqSaw = await Eventually.Get(() => Task.FromResult(hq.Updates.ToArray()),
            u => u.Any(x => x.Camera == "CAM-X0601-E1" && x.Online), what: "HQ to see the NORTH camera online");
        output.WriteLine($"camera online reached the HQ hub client after {north.ElapsedMilliseconds} ms");

        await MasterDataApiTests.Heartbeat(device, "CAM-S0003-E1", system.CameraSecret("CAM-S0003-E1"));
        await Eventually.Get(() => Task.FromResult(east.Updates.ToArray()), u => u.Any(x => x.Camera == "CAM-S0003-E1"), what: "EAST to see its camera");
        Assert.DoesNotContain(east.Updates, u => u.Camera == "CAM-X0601-E1");
        Assert.NotEmpty(hqSaw);

        // Silence (2 s in this fixture, store open all day) turns the camera offline, and that is pushed too.
        var offline = await Eventually.Get(() => Task.FromResult(hq.Updates.ToArray()),
            u => u.Any(x => x.Camera == "CAM-X0601-E1" && !x.Online), within: TimeSpan.FromSeconds(60), what: "the offline push");
        Assert.NotEmpty(offline);

        await hq.Connection.DisposeAsync();
        await east.Connection.DisposeAsync();
    }

    private sealed record Seen(string Camera, bool Online);

    private sealed record Listener(HubConnection Connection, ConcurrentQueue<Seen> Updates);

    private async Task<Listener> Listen(string apiKey)
    {
        var updates = new ConcurrentQueue<Seen>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(system.BaseAddress, "/hubs/live"), o => o.Headers["X-Api-Key"] = apiKey)
            .Build();
        connection.On<JsonObject>("camera-status", update =>
        {
            var camera = update["camera"]!;
            updates.Enqueue(new Seen(camera["cameraCode"]!.GetValue<string>(), camera["online"]!.GetValue<bool>()));
        });
        await connection.StartAsync();
        return new Listener(connection, updates);
    }

    private static async Task<string> IssueKey(HttpClient admin, string role, string? region)
    {
        var response = await admin.PostJson("/api/api-keys", new { name = $"live {role}", role, regionCodes = region is null ? Array.Empty<string>() : [region] });
        return (await response.Json())["key"]!.GetValue<string>();
    }
}
