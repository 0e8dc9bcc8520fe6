using System.Globalization;
using System.Net;
using Dapper;
using SkiaSharp;
using SmartStore.GrainInterfaces;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// A fixed camera's view checked end to end: its first snapshot over FTP becomes the reference view; a banner hung in
/// front of it for three checks (a minute apart) raises "blocked" in its status, on the HQ board and on its page, and a
/// new reference taken by an admin clears it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ViewHealthTests(SmartStoreSystem system)
{
    private const string Store = "X0422";
    private const string Camera = "CAM-X0422-E1";

    [Fact]
    public async Task A_banner_in_front_of_an_entrance_camera_is_raised_as_blocked_and_a_new_reference_clears_it()
    {
        using var admin = await system.SignedIn("admin");
        await OpenAllDay(admin, Store, "全天门店", "street");
        // Sent without "exceptions": stored with none (a null list once stopped the cameras' opening-hours rule).
        Assert.Empty((await (await admin.GetAsync($"/api/stores/{Store}")).Json())["openingHours"]!["exceptions"]!.AsArray());
        var secret = await NewCamera(admin, Camera, "entrance", Store);

        // Minute 0: the view as installed. Minutes 1–3: a banner over the upper half (a check a minute at most).
        var frame = await File.ReadAllBytesAsync(Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000001.jpg"));
        using (var banner = WithBanner(frame))
            await Upload(Camera, secret, DateTime.UtcNow.AddHours(8).AddMinutes(-5), TimeSpan.FromMinutes(1),
                frame, Recompressed(banner, 1), Recompressed(banner, 2), Recompressed(banner, 3));

        var camera = system.Grains.GetGrain<ICameraGrain>(Camera);
        var status = await Eventually.Get(() => camera.GetStatus(), s => s.Faults is { Count: > 0 }, within: TimeSpan.FromSeconds(60), what: "a view fault");
        Assert.Equal(["blocked"], status.Faults);
        var fault = Assert.Single(await camera.GetViewFaults());
        Assert.Contains("covered region", fault.Evidence);
        await using var connection = await system.Database.Database.Open();
        var reference = await connection.ExecuteScalarAsync<long>("SELECT snapshot_id FROM camera_views WHERE camera_code = @Camera", new { Camera });
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT min(id) FROM snapshots WHERE camera_code = @Camera", new { Camera }), reference);

        var board = await admin.GetStringAsync("/");
        Assert.Matches($"data-camera=\"{Camera}\" data-faults=\"blocked\"", board);
        var page = await admin.GetStringAsync($"/cameras/{Camera}");
        Assert.Contains("data-fault=\"blocked\"", page);
        // What was measured, in the page's language (the check's English evidence is the tooltip).
        Assert.Matches(@"最大一块遮挡区域占画面的 \d+%", WebUtility.HtmlDecode(page));
        Assert.Matches(@"The largest covered region is \d+% of the view", await admin.GetStringAsync($"/cameras/{Camera}?culture=en"));

        // The camera was re-aimed on purpose: an admin takes a new reference view; the fault clears.
        var retaken = await PageForms.PostForm(admin, $"/cameras/{Camera}", $"/cameras/{Camera}?handler=retakeView", []);
        Assert.Equal(HttpStatusCode.OK, retaken.StatusCode);
        Assert.Null((await camera.GetStatus()).Faults);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM camera_views WHERE camera_code = @Camera", new { Camera }));

        // The episode stays on record: blocked from the fault's start until the new reference; shown on the page.
        var incidents = await (await admin.GetAsync($"/api/cameras/{Camera}/incidents")).Json();
        var blocked = incidents["incidents"]!.AsArray().Single(i => i!["kind"]!.GetValue<string>() == "blocked")!;
        Assert.Equal(fault.SinceUtc, blocked["startedUtc"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.NotNull(blocked["endedUtc"]);
        Assert.Contains("<li data-kind=\"blocked\" data-open=\"false\">", await admin.GetStringAsync($"/cameras/{Camera}"));
    }

    [Fact]
    public async Task An_in_store_camera_raised_as_moved_learns_its_scene_again()
    {
        const string store = "X0424", knocked = "CAM-X0424-I1";
        using var admin = await system.SignedIn("admin");
        await OpenAllDay(admin, store, "全天店内", "mall");
        var secret = await NewCamera(admin, knocked, "interior", store);
        await using var connection = await system.Database.Database.Open();
        Task<int> KeptScenes() => connection.ExecuteScalarAsync<int>("SELECT count(*) FROM camera_scenes WHERE camera_code = @knocked", new { knocked });

        // Ten snapshots a minute apart as installed (the centre of the PETS walkway view): the first is the reference view, and
        // the scene is learned from the ten and kept.
        // Capture times within the worker's ten minutes of trusted clock skew, so each is a check a minute after the last.
        var start = DateTime.UtcNow.AddHours(8).AddMinutes(-6);
        await Upload(knocked, secret, start, TimeSpan.FromMinutes(1), [.. Enumerable.Range(1, 10).Select(i => CentreView(i, 0))]);
        await Eventually.Get(KeptScenes, n => n == 1, within: TimeSpan.FromSeconds(60), what: "the learned scene to be kept");

        // Knocked: the view turned by 15 %. Three checks in a row raise it as moved, and the scene is learned again.
        await Upload(knocked, secret, start.AddMinutes(10), TimeSpan.FromMinutes(1), [.. Enumerable.Range(11, 3).Select(i => CentreView(i, 0.15f))]);
        var camera = system.Grains.GetGrain<ICameraGrain>(knocked);
        var status = await Eventually.Get(() => camera.GetStatus(), s => s.Faults is { Count: > 0 }, within: TimeSpan.FromSeconds(60), what: "the moved fault");
        Assert.Contains("moved", status.Faults!);
        await Eventually.Get(KeptScenes, n => n == 0, what: "the kept scene to be forgotten");
    }

    /// <summary>The centre 70 % of a PETS 2009 frame, as a camera sees it, turned sideways by <paramref name="turn"/> of the view.</summary>
    private static byte[] CentreView(int frame, float turn)
    {
        using var source = SKBitmap.Decode(Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", $"{frame:000000}.jpg"));
        int w = (int)(source.Width * 0.7f), h = (int)(source.Height * 0.7f);
        using var view = new SKBitmap();
        Assert.True(source.ExtractSubset(view, SKRectI.Create((source.Width - w) / 2 + (int)(turn * w), (source.Height - h) / 2, w, h)));
        using var copy = view.Copy();
        using var data = copy.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    [Fact]
    public async Task A_camera_uploading_the_same_picture_over_and_over_is_raised_as_frozen_until_a_new_picture_comes()
    {
        const string stuck = "CAM-X0423-E1";
        using var admin = await system.SignedIn("admin");
        var secret = await NewCamera(admin, stuck, "entrance", "S0002");
        var frame = await File.ReadAllBytesAsync(Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000001.jpg"));

        // A hung encoder: the same bytes four times, under the file names of four captures a second apart.
        await Upload(stuck, secret, DateTime.UtcNow.AddHours(8), TimeSpan.FromSeconds(1), [.. Enumerable.Repeat(frame, 4)]);
        var camera = system.Grains.GetGrain<ICameraGrain>(stuck);
        var status = await Eventually.Get(() => camera.GetStatus(), s => s.Faults is { Count: > 0 }, what: "the frozen fault");
        Assert.Equal(["frozen"], status.Faults);
        var fault = Assert.Single(await camera.GetViewFaults());
        Assert.Contains("uploaded again 3 times in a row", fault.Evidence);
        Assert.Equal(3, (await camera.GetIngestion()).Duplicates);
        var page = await admin.GetStringAsync($"/cameras/{stuck}");
        Assert.Contains("data-fault=\"frozen\"", page);
        Assert.Contains("请重启摄像头", WebUtility.HtmlDecode(page)); // what the store manager does about it, in the page's language
        Assert.Contains($"同一张图片（#{fault.SnapshotId}）已连续重复上传 3 次", WebUtility.HtmlDecode(page));
        Assert.Contains($"The same picture (#{fault.SnapshotId}) was uploaded again 3 times in a row.", await admin.GetStringAsync($"/cameras/{stuck}?culture=en"));

        // The camera recovers: a new picture clears it.
        using (var bitmap = SKBitmap.Decode(frame)) await Upload(stuck, secret, DateTime.UtcNow.AddHours(8), TimeSpan.FromSeconds(1), Recompressed(bitmap, 5));
        await Eventually.Get(() => camera.GetStatus(), s => s.Faults is null, what: "the frozen fault to clear");
    }

    /// <summary>A store open round the clock (a closed store's view is not checked, and these tests run at any hour), sent without "exceptions".</summary>
    private static async Task OpenAllDay(HttpClient admin, string code, string name, string tag)
    {
        var allDay = Enumerable.Repeat(new { open = "00:00", close = "23:59:59" }, 7).ToArray();
        var store = await admin.PostJson("/api/stores", new
        {
            code, name, regionCode = "NORTH", city = "北京", address = "测试路1号", latitude = 39.9, longitude = 116.4,
            tags = new[] { tag }, timeZone = "Asia/Shanghai", staffCount = 3, openingHours = new { weekly = allDay },
        });
        Assert.True(store.StatusCode == HttpStatusCode.Created, await store.Content.ReadAsStringAsync());
    }

    /// <summary>A new camera of the store, as an admin adds it; its FTP secret.</summary>
    private static async Task<string> NewCamera(HttpClient admin, string code, string kind, string storeCode)
    {
        var created = await admin.PostJson("/api/cameras", new { code, kind, brand = "Hikvision", model = "DS-2CD", storeCode });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Json())["secret"]!.GetValue<string>();
    }

    /// <summary>Uploads the pictures over FTP in one session, named as captures <paramref name="apart"/> from China-time <paramref name="firstCapture"/>.</summary>
    private Task Upload(string cameraCode, string secret, DateTime firstCapture, TimeSpan apart, params byte[][] pictures) =>
        FtpClients.UploadCaptures(system.FtpPort, cameraCode, secret, firstCapture, apart, pictures);

    /// <summary>The frame with a red-and-white banner over its upper half, as a 吊旗 hangs in front of a camera.</summary>
    private static SKBitmap WithBanner(byte[] jpeg)
    {
        var bitmap = SKBitmap.Decode(jpeg);
        using var canvas = new SKCanvas(bitmap);
        using var red = new SKPaint { Color = new SKColor(200, 30, 40) };
        using var white = new SKPaint { Color = SKColors.White };
        canvas.DrawRect(0, 0, bitmap.Width, bitmap.Height * 0.5f, red);
        canvas.DrawRect(bitmap.Width * 0.2f, bitmap.Height * 0.15f, bitmap.Width * 0.6f, bitmap.Height * 0.15f, white);
        return bitmap;
    }

    /// <summary>Each upload a distinct file (another quality), as a camera's successive captures are; a repeat would be a duplicate.</summary>
    private static byte[] Recompressed(SKBitmap bitmap, int minute)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80 + minute);
        return data.ToArray();
    }
}
