using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SmartStore.GrainInterfaces;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>POST /api/ingest/{camera} on the silo, with curl as the camera or gateway.</summary>
[Collection(SystemCollection.Name)]
public sealed class HttpIngestTests(SmartStoreSystem system)
{
    private static readonly string Frame = Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000050.jpg");

    private string Url(string camera) => new Uri(system.IngestAddress, $"/api/ingest/{camera}").ToString();

    [Fact]
    public async Task Cameras_push_raw_jpeg_or_multipart_with_their_credentials()
    {
        const string camera = "CAM-S0019-E1";
        var credentials = $"{camera}:{system.CameraSecret(camera)}";
        var raw = await FtpClients.Curl("-sS", "-w", "\n%{http_code}", "-u", credentials, "-H", "Content-Type: image/jpeg",
            "--data-binary", $"@{Frame}", Url(camera));
        Assert.EndsWith("202", raw.Output.Trim());
        Assert.Contains("\"duplicate\":false", raw.Output);

        var multipart = await FtpClients.Curl("-sS", "-w", "\n%{http_code}", "-u", credentials, "-F", $"file=@{Frame};type=image/jpeg", Url(camera));
        Assert.EndsWith("202", multipart.Output.Trim());
        Assert.Contains("\"duplicate\":true", multipart.Output);

        var ingestion = await system.Grains.GetGrain<ICameraGrain>(camera).GetIngestion();
        Assert.Equal(1, ingestion.Accepted);
        Assert.Equal(1, ingestion.Duplicates);
    }

    [Fact]
    public async Task A_file_name_with_control_characters_is_kept_without_them_not_a_server_error()
    {
        const string camera = "CAM-S0022-E1";
        using var http = new HttpClient();
        async Task<HttpResponseMessage> Send(byte[] jpeg)
        {
            // Written out by hand: .NET's multipart writer would not put a NUL in a file name; a camera's firmware might.
            const string boundary = "smartstore-test-boundary";
            var body = new MemoryStream();
            body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"door\0\u0007.jpg\"\r\n" +
                "Content-Type: image/jpeg\r\n\r\n"));
            body.Write(jpeg);
            body.Write(Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"));
            var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
            var request = new HttpRequestMessage(HttpMethod.Post, Url(camera)) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{camera}:{system.CameraSecret(camera)}")));
            return await http.SendAsync(request);
        }
        var good = await File.ReadAllBytesAsync(Frame);

        Assert.Equal(HttpStatusCode.Accepted, (await Send(good)).StatusCode);   // was 500: PostgreSQL refused the U+0000
        await using var connection = await system.Database.Database.Open();
        Assert.Equal("door.jpg", await Dapper.SqlMapper.QuerySingleAsync<string>(connection,
            "SELECT file_name FROM snapshots WHERE camera_code = @camera", new { camera }));
        var truncated = await Send(good[..(good.Length / 2)]);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("Truncated", await truncated.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_camera_with_snapshots_on_record_is_not_deleted_and_one_that_never_sent_is()
    {
        using var admin = await system.SignedIn("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/stores", ApiJson.NewStore("X0207"))).StatusCode);
        var sent = await admin.PostJson("/api/cameras", new { code = "CAM-X0207-E1", kind = "entrance", storeCode = "X0207" });
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/cameras", new { code = "CAM-X0207-E2", kind = "entrance", storeCode = "X0207" })).StatusCode);
        var credentials = $"CAM-X0207-E1:{(await sent.Json())["secret"]!.GetValue<string>()}";
        var upload = await FtpClients.Curl("-sS", "-w", "\n%{http_code}", "-u", credentials, "-H", "Content-Type: image/jpeg",
            "--data-binary", $"@{Frame}", Url("CAM-X0207-E1"));
        Assert.EndsWith("202", upload.Output.Trim());

        var refused = await admin.DeleteAsync("/api/cameras/CAM-X0207-E1");   // was 500: the snapshots' foreign key
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("snapshots on record", await refused.Detail());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/cameras/CAM-X0207-E1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/cameras/CAM-X0207-E2")).StatusCode);
    }

    [Fact]
    public async Task Bad_http_uploads_get_a_4xx_with_a_reason()
    {
        const string camera = "CAM-S0020-P1";
        using var http = new HttpClient();
        HttpRequestMessage Post(string? credentials, HttpContent content)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Url(camera)) { Content = content };
            if (credentials is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            return request;
        }
        ByteArrayContent Jpeg(byte[] bytes)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            return content;
        }
        var good = await File.ReadAllBytesAsync(Frame);
        var ok = $"{camera}:{system.CameraSecret(camera)}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Post(null, Jpeg(good)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Post($"{camera}:wrong", Jpeg(good)))).StatusCode);
        var truncated = await http.SendAsync(Post(ok, Jpeg(good[..(good.Length / 2)])));
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("Truncated", await truncated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.SendAsync(Post(ok, Jpeg(new byte[9 * 1024 * 1024])))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.SendAsync(Post(ok, new StringContent("hello")))).StatusCode);

        using var admin = await system.SignedIn("admin");
        var issued = await (await admin.PostJson("/api/api-keys", new { name = "east gateway", role = "region_manager", regionCodes = new[] { "EAST" } })).Json();
        var request = Post(null, Jpeg(good));
        request.Headers.Add("X-Api-Key", issued["key"]!.GetValue<string>());
        var outOfScope = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope.StatusCode); // S0020 is NORTH

        var ingestion = await system.Grains.GetGrain<ICameraGrain>(camera).GetIngestion();
        Assert.Equal(0, ingestion.Accepted);
        Assert.True(ingestion.RejectedByReason.Values.Sum() >= 3);
    }
}
