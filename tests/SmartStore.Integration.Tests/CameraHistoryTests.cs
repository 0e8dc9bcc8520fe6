using System.Net;
using System.Text.RegularExpressions;
using Dapper;

namespace SmartStore.Integration.Tests;

/// <summary>回看: a camera's pictures of a span of a day, each picture's neighbours, within the viewer's scope.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class CameraHistoryTests(SmartStoreSystem system)
{
    private const string Camera = "CAM-X0851-E1";

    [Fact]
    public async Task A_cameras_pictures_of_a_span_are_listed_in_order_and_each_steps_to_its_neighbours()
    {
        using var admin = await system.SignedIn("admin");
        var created = await admin.PostJson("/api/cameras", new { code = Camera, kind = "entrance", storeCode = "S0023" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Json())["secret"]!.GetValue<string>();
        var folder = Directory.CreateTempSubdirectory("history-");
        try
        {
            // Three door pictures, sent one by one so they arrive in order.
            for (var i = 1; i <= 3; i++)
            {
                var file = Path.Combine(folder.FullName, $"{Camera}_01_{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmssfff}_F{i:000000}.jpg");
                File.Copy(Path.Combine(SmartStore.Testing.SharedData.Shared, "data", "pets2009-s2l1", "images", $"{i * 20:000000}.jpg"), file);
                var upload = await FtpClients.Curl("-sS", "-T", file, "--user", $"{Camera}:{secret}", $"ftp://127.0.0.1:{system.FtpPort}/");
                Assert.True(upload.ExitCode == 0, upload.Error);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await using var connection = await system.Database.Database.Open();
        var rows = (await connection.QueryAsync<(long Id, DateTime Received)>(
            "SELECT id, received_at FROM snapshots WHERE camera_code = @Camera ORDER BY received_at, id", new { Camera })).ToList();
        Assert.Equal(3, rows.Count);
        var day = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(rows[0].Received, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        // The whole day: the three, oldest first.
        var page = await Html(await admin.GetAsync($"/cameras/{Camera}/history?day={day:yyyy-MM-dd}&from=00:00&to=24:00"));
        Assert.Equal(rows.Select(r => r.Id), Shown().Matches(page).Select(m => long.Parse(m.Groups[1].Value)));
        Assert.Contains($"{day:yyyy-MM-dd} 00:00–24:00（Asia/Shanghai）共 3 张图片", page);
        // A span before them: none.
        var before = await Html(await admin.GetAsync($"/cameras/{Camera}/history?day={day.AddDays(-1):yyyy-MM-dd}&from=00:00&to=24:00"));
        Assert.Contains("这段时间没有收到图片。", before);

        // The middle picture steps to the first and the last; the first has nothing before it.
        var middle = await Html(await admin.GetAsync($"/snapshots/{rows[1].Id}"));
        Assert.Contains($"id=\"previous-picture\" href=\"/snapshots/{rows[0].Id}\"", middle);
        Assert.Contains($"id=\"next-picture\" href=\"/snapshots/{rows[2].Id}\"", middle);
        Assert.DoesNotContain("previous-picture", await Html(await admin.GetAsync($"/snapshots/{rows[0].Id}")));
        Assert.Contains($"/cameras/{Camera}/history?day={day:yyyy-MM-dd}", middle);

        // A span backwards or a time that is none: said so; the API pages the same span in UTC.
        Assert.Contains("结束时间须晚于开始时间。", await Html(await admin.GetAsync($"/cameras/{Camera}/history?day={day:yyyy-MM-dd}&from=20:00&to=18:00")));
        Assert.Contains("开始和结束时间须是 18:00 这样的时间。", await Html(await admin.GetAsync($"/cameras/{Camera}/history?from=soon")));
        var from = rows[0].Received.AddSeconds(-1).ToString("o");
        var api = await (await admin.GetAsync($"/api/cameras/{Camera}/history?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(1).ToString("o"))}&pageSize=2")).Json();
        Assert.Equal(3, api["total"]!.GetValue<int>());
        Assert.Equal(rows[0].Id, api["items"]![0]!["snapshot"]!["id"]!.GetValue<long>());
        Assert.Equal(2, api["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/cameras/{Camera}/history?from={Uri.EscapeDataString(from)}")).StatusCode);

        // S0023 is in the North: the East's region manager sees none of it.
        using var east = await system.SignedIn("east");
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync($"/cameras/{Camera}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await east.GetAsync($"/api/cameras/{Camera}/history?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(from)}")).StatusCode);
    }

    private static async Task<string> Html(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<figure data-snapshot=\"(\\d+)\"")]
    private static partial Regex Shown();
}
