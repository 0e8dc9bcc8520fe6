using Dapper;
using SmartStore.GrainInterfaces;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>Real FTP clients (curl, Python's ftplib) against the silo's FTP endpoint, good uploads and bad.</summary>
[Collection(SystemCollection.Name)]
public sealed class FtpIngestTests(SmartStoreSystem system)
{
    private const string Camera = "CAM-S0011-E1";
    private static readonly string Frame = Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images", "000001.jpg");

    private string Secret => system.CameraSecret(Camera);
    private string Url(string path) => $"ftp://127.0.0.1:{system.FtpPort}/{path}";

    [Fact]
    public async Task Curl_uploads_over_epsv_and_pasv_and_a_resent_file_is_stored_once()
    {
        var epsv = await FtpClients.Curl("-sS", "--ftp-create-dirs", "-T", Frame, "--user", $"{Camera}:{Secret}",
            Url("192.168.1.64_01_20240520101500123_MOTION_DETECTION.jpg"));
        Assert.True(epsv.ExitCode == 0, epsv.Error);

        var pasv = await FtpClients.Curl("-sS", "--disable-epsv", "-T", Frame, "--user", $"{Camera}:{Secret}", Url("upload/again.jpg"));
        Assert.True(pasv.ExitCode == 0, pasv.Error);

        await using var connection = await system.Database.Database.Open();
        var rows = (await connection.QueryAsync<(long Id, string Path, DateTime? CapturedAt, string FileName, int Width)>(
            "SELECT id, path, captured_at AS CapturedAt, file_name AS FileName, width FROM snapshots WHERE camera_code = @Camera", new { Camera })).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(768, row.Width);
        // Hikvision-style name, store-local time (Asia/Shanghai, UTC+8).
        Assert.Equal(new DateTime(2024, 5, 20, 2, 15, 0, 123, DateTimeKind.Utc), row.CapturedAt!.Value.ToUniversalTime());
        var stored = Path.Combine(system.ImagesRoot, row.Path);
        Assert.Equal(await File.ReadAllBytesAsync(Frame), await File.ReadAllBytesAsync(stored));

        var ingestion = await Eventually.Get(() => Grains().GetGrain<ICameraGrain>(Camera).GetIngestion(), i => i.Duplicates >= 1, what: "the duplicate count");
        Assert.Equal(1, ingestion.Accepted);
        Assert.Equal(row.Id, ingestion.LastSnapshotId);
        Assert.True((await Grains().GetGrain<ICameraGrain>(Camera).GetStatus()).Online);
    }

    [Fact]
    public async Task Explicit_FTPS_with_curl_and_ftplib_stores_over_a_protected_data_connection()
    {
        const string camera = "CAM-S0028-E1";
        var secret = system.CameraSecret(camera);
        // curl: AUTH TLS, then PROT P for the data connection (--ssl-reqd refuses to fall back to clear text).
        var curl = await FtpClients.Curl("-sS", "--ssl-reqd", "-k", "-T", Frame, "--user", $"{camera}:{secret}", Url("tls-curl.jpg"));
        Assert.True(curl.ExitCode == 0, curl.Error);

        var tud = Path.Combine(SharedData.Shared, "data", "tud-mot15", "images", "TUD-Campus", "000002.jpg");
        var ftplib = await FtpClients.Probe("tls", system.FtpPort, camera, secret, tud, "tls-ftplib.jpg");
        Assert.Equal(234, ftplib["auth"]!.GetValue<int>());
        Assert.Equal(230, ftplib["login"]!.GetValue<int>());
        Assert.Equal(200, ftplib["prot"]!.GetValue<int>());
        Assert.Equal(226, ftplib["stor"]!.GetValue<int>());
        Assert.StartsWith("TLS", ftplib["cipher"]!.GetValue<string>());

        await using var connection = await system.Database.Database.Open();
        var names = (await connection.QueryAsync<string>("SELECT file_name FROM snapshots WHERE camera_code = @camera", new { camera })).ToList();
        Assert.Contains("tls-curl.jpg", names);
        Assert.Contains("tls-ftplib.jpg", names);
    }

    [Fact]
    public async Task Ftplib_upload_with_directories_and_size()
    {
        var result = await FtpClients.Probe("upload", system.FtpPort, "CAM-S0012-E1", system.CameraSecret("CAM-S0012-E1"),
            Path.Combine(SharedData.Shared, "data", "tud-mot15", "images", "TUD-Campus", "000001.jpg"), "20240520_101501.jpg");
        Assert.Equal(257, result["mkd"]!.GetValue<int>());
        Assert.Equal(226, result["stor"]!.GetValue<int>());
        Assert.Equal(213, result["size"]!.GetValue<int>());
        Assert.Equal("/snapshots", result["pwd"]!.GetValue<string>());
    }

    [Fact]
    public async Task Broken_and_oversized_files_are_refused_with_the_right_code_and_nothing_is_stored()
    {
        const string camera = "CAM-S0013-E1";
        var secret = system.CameraSecret(camera);
        var bytes = await File.ReadAllBytesAsync(Frame);
        var dir = Directory.CreateTempSubdirectory("ftp-bad-");
        var truncated = Path.Combine(dir.FullName, "truncated.jpg");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var notJpeg = Path.Combine(dir.FullName, "notes.jpg");
        await File.WriteAllTextAsync(notJpeg, "this is not a picture");
        var huge = Path.Combine(dir.FullName, "huge.jpg");
        await File.WriteAllBytesAsync(huge, [.. bytes, .. new byte[9 * 1024 * 1024]]);

        // curl names the 550 it got; a 552 it reports as exit 70, "Exceeded storage allocation".
        foreach (var (file, expected) in new[] { (truncated, "got 550"), (notJpeg, "got 550"), (huge, "Exceeded storage allocation") })
        {
            var outcome = await FtpClients.Curl("-sS", "-T", file, "--user", $"{camera}:{secret}", Url(Path.GetFileName(file)));
            Assert.NotEqual(0, outcome.ExitCode);
            Assert.Contains(expected, outcome.Error);
        }

        await using var connection = await system.Database.Database.Open();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots WHERE camera_code = @camera", new { camera }));
        var reasons = (await connection.QueryAsync<string>("SELECT reason FROM ingest_rejections WHERE camera_code = @camera", new { camera })).ToList();
        Assert.Contains("Truncated", reasons);
        Assert.Contains("NotJpeg", reasons);
        Assert.Contains("TooLarge", reasons);
        var ingestion = await Grains().GetGrain<ICameraGrain>(camera).GetIngestion();
        Assert.Equal(3, ingestion.RejectedByReason.Values.Sum());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(system.ImagesRoot, "incoming")));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Path_tricks_and_commands_that_would_change_snapshots_are_refused()
    {
        var result = await FtpClients.Probe("refusals", system.FtpPort, "CAM-S0014-E1", system.CameraSecret("CAM-S0014-E1"), Frame);
        Assert.Equal(550, result["dele"]!.GetValue<int>());
        Assert.Equal(550, result["rnfr"]!.GetValue<int>());
        Assert.Equal(550, result["appe"]!.GetValue<int>());
        Assert.Equal(502, result["port"]!.GetValue<int>());
        Assert.Equal(504, result["stru_r"]!.GetValue<int>());
        Assert.Equal(504, result["mode_b"]!.GetValue<int>());
        Assert.Equal(502, result["unknown"]!.GetValue<int>());
        Assert.Equal(550, result["cwd_up"]!.GetValue<int>());
        Assert.Equal(500, result["overlong"]!.GetValue<int>());
        Assert.Equal(200, result["noop_after"]!.GetValue<int>());
        Assert.Equal(553, result["stor_up"]!.GetValue<int>());
        Assert.Equal(553, result["stor_abs"]!.GetValue<int>());
        Assert.Equal(553, result["stor_nul"]!.GetValue<int>());
        Assert.Equal(553, result["stor_backslash"]!.GetValue<int>());
        Assert.Equal(425, result["epsv_stor_without_pasv"]!.GetValue<int>());
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_and_repeated_failures_lock_the_address_out()
    {
        Assert.Equal(530, (await FtpClients.Probe("login", system.FtpPort, "CAM-S0015-E1", "wrong", []))["login"]!.GetValue<int>());
        Assert.Equal(530, (await FtpClients.Probe("login", system.FtpPort, "CAM-NOBODY", "x", []))["login"]!.GetValue<int>());
        // A NUL in the user name is an unknown camera's login, answered (it ended the session without a reply).
        Assert.Equal(530, (await FtpClients.Probe("login", system.FtpPort, "CAM-S0015\\0-E1", "x", []))["login"]!.GetValue<int>());

        var codes = (await FtpClients.Probe("lockout", system.FtpPort, "CAM-S0015-E1", "wrong", "6"))["codes"]!.AsArray()
            .Select(c => c!.GetValue<int>()).ToList();
        Assert.Contains(421, codes);
        // Locked out even with the right password, until the lockout (5 minutes, on the fixture's clock) passes.
        Assert.Equal(421, (await FtpClients.Probe("login", system.FtpPort, "CAM-S0015-E1", system.CameraSecret("CAM-S0015-E1")))["login"]!.GetValue<int>());
        system.LockoutClock.Advance(TimeSpan.FromMinutes(5.5));
        Assert.Equal(230, (await FtpClients.Probe("login", system.FtpPort, "CAM-S0015-E1", system.CameraSecret("CAM-S0015-E1")))["login"]!.GetValue<int>());

        var ingestion = await Grains().GetGrain<ICameraGrain>("CAM-S0015-E1").GetIngestion();
        Assert.True(ingestion.RejectedByReason.GetValueOrDefault("WrongPassword") >= 1);
    }

    [Fact]
    public async Task A_silent_client_times_out_and_one_that_vanishes_mid_upload_stores_nothing()
    {
        var idle = await FtpClients.Probe("idle", system.FtpPort, "-", "-", "4");
        Assert.Equal(421, idle["after_idle"]!.GetValue<int>());

        const string camera = "CAM-S0016-E1";
        await FtpClients.Probe("vanish", system.FtpPort, camera, system.CameraSecret(camera), Frame);
        await using var connection = await system.Database.Database.Open();
        var reasons = await Eventually.Get(
            async () => (await connection.QueryAsync<string>("SELECT reason FROM ingest_rejections WHERE camera_code = @camera", new { camera })).ToList(),
            r => r.Count > 0, what: "the aborted upload to be recorded");
        Assert.True(reasons[0] is "TransferAborted" or "Truncated", reasons[0]);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots WHERE camera_code = @camera", new { camera }));

        // The endpoint still serves everyone else.
        var ok = await FtpClients.Curl("-sS", "-T", Frame, "--user", $"{camera}:{system.CameraSecret(camera)}", Url("after.jpg"));
        Assert.True(ok.ExitCode == 0, ok.Error);
    }

    private IGrainFactory Grains() => system.Grains;

    [Fact]
    public async Task Snapshot_images_are_served_only_within_scope()
    {
        const string camera = "CAM-S0017-E1"; // SOUTH
        var upload = await FtpClients.Curl("-sS", "-T", Frame, "--user", $"{camera}:{system.CameraSecret(camera)}", Url("scope.jpg"));
        Assert.True(upload.ExitCode == 0, upload.Error);
        await using var connection = await system.Database.Database.Open();
        var id = await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM snapshots WHERE camera_code = @camera", new { camera });

        using var admin = await system.SignedIn("admin");
        var image = await admin.GetAsync($"/api/snapshots/{id}/image");
        Assert.Equal(System.Net.HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Frame), await image.Content.ReadAsByteArrayAsync());
        var list = (await (await admin.GetAsync($"/api/cameras/{camera}/snapshots")).Json()).AsArray();
        Assert.Contains(list, s => s!["id"]!.GetValue<long>() == id);

        using var east = await system.SignedIn("east");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await east.GetAsync($"/api/snapshots/{id}/image")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await east.GetAsync($"/api/cameras/{camera}/snapshots")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/api/snapshots/999999999/image")).StatusCode);
    }

    [Fact]
    public async Task A_shelf_snapshot_is_filed_under_the_preset_its_name_carries()
    {
        const string camera = "CAM-S0008-P1"; // demo dome with presets 1–4
        var photo = Directory.GetFiles(Path.Combine(SharedData.Shared, "data", "grocery-store", "references"), "*.jpg").Order().First();
        var upload = await FtpClients.Curl("-sS", "-T", photo, "--user", $"{camera}:{system.CameraSecret(camera)}",
            Url($"{camera}_P02_20241123143000.jpg"));
        Assert.True(upload.ExitCode == 0, upload.Error);

        var ingestion = await Grains().GetGrain<ICameraGrain>(camera).GetIngestion();
        Assert.Equal(2, ingestion.CurrentPreset);
        Assert.Equal(ingestion.LastSnapshotId, ingestion.LastSnapshotByPreset[2]);
    }
}
