using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Dapper;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// The silo as a real process, killed with SIGKILL between uploads: nothing acknowledged is lost, and the
/// snapshots still waiting for analysis are analysed by the next silo that starts.
/// </summary>
public sealed class SiloCrashTests
{
    [Fact]
    public async Task Killing_the_silo_loses_no_acknowledged_snapshot_and_a_restart_analyses_the_pending_ones()
    {
        await using var db = await TestDatabase.Create();
        var home = Directory.CreateTempSubdirectory("smartstore-crash-");
        var secrets = new SecretsFile(Path.Combine(home.FullName, "secrets.json"));
        await new DemoChain(db.Database, secrets, _ => { }).Seed();
        const string camera = "CAM-S0021-E1";
        var secret = secrets.Load()[$"camera:{camera}"]!.GetValue<string>();
        // A restarted silo keeps its ports, as under ./smartstore up: the new generation on the same
        // endpoint supersedes the killed one in the membership table.
        var (ftpPort, siloPort, gatewayPort) = (Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort());
        var frames = Directory.GetFiles(Path.Combine(SharedData.Shared, "data", "pets2009-s2l1", "images"), "*.jpg").Order().Take(6).ToList();

        // The first two generations do not analyse, so every snapshot is still pending when they die.
        var silo = StartSilo(db.ConnectionString, home.FullName, ftpPort, siloPort, gatewayPort, analyse: false);
        try
        {
            await WaitForPort(ftpPort);
            foreach (var frame in frames.Take(3)) await Upload(frame, camera, secret, ftpPort);
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();

            silo = StartSilo(db.ConnectionString, home.FullName, ftpPort, siloPort, gatewayPort, analyse: false);
            await WaitForPort(ftpPort);
            foreach (var frame in frames.Skip(3)) await Upload(frame, camera, secret, ftpPort);
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
            await AssertNothingLost(db, home.FullName, camera, frames.Count);

            silo = StartSilo(db.ConnectionString, home.FullName, ftpPort, siloPort, gatewayPort, analyse: true);
            await Eventually.Get(async () =>
            {
                await using var c = await db.Database.Open();
                return await c.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots WHERE camera_code = @camera AND status = 'analysed'", new { camera });
            }, analysed => analysed == frames.Count, within: TimeSpan.FromSeconds(120), what: "every pending snapshot analysed after the restart");
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
        finally
        {
            if (!silo.HasExited) silo.Kill(entireProcessTree: true);
        }

        await using var connection = await db.Database.Open();
        var people = await connection.QueryAsync<int>(
            "SELECT (analysis->>'count')::int FROM snapshots WHERE camera_code = @camera", new { camera });
        // PETS frames show 3 to 6 people; the stored analysis says how many were found in each.
        Assert.All(people, count => Assert.InRange(count, 1, 12));
        home.Delete(recursive: true);
    }

    private static async Task AssertNothingLost(TestDatabase db, string home, string camera, int expected)
    {
        await using var connection = await db.Database.Open();
        var rows = (await connection.QueryAsync<(string Sha256, string Path, string Status)>(
            "SELECT sha256, path, status FROM snapshots WHERE camera_code = @camera", new { camera })).ToList();
        Assert.Equal(expected, rows.Count);
        foreach (var row in rows)
        {
            var file = Path.Combine(home, "images", row.Path);
            Assert.True(File.Exists(file), $"{row.Path} missing after the kill");
            Assert.Equal(row.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))));
            Assert.Equal("pending", row.Status);
        }
    }

    private static async Task Upload(string file, string camera, string secret, int port)
    {
        var outcome = await FtpClients.Curl("-sS", "-T", file, "--user", $"{camera}:{secret}", $"ftp://127.0.0.1:{port}/{Path.GetFileName(file)}");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
    }

    private static Process StartSilo(string connectionString, string home, int ftpPort, int siloPort, int gatewayPort, bool analyse)
    {
        // The silo built next to these tests, in the same configuration (Debug or Release).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
        var dll = Path.Combine(SharedData.RepositoryRoot, "silo", "bin", configuration, "net10.0", "linux-x64", "SmartStore.Silo.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "silo"));
        start.Environment["SMARTSTORE_PG"] = connectionString;
        start.Environment["SMARTSTORE_HOME"] = home;
        start.Environment["SMARTSTORE_SILO_PORT"] = siloPort.ToString();
        start.Environment["SMARTSTORE_GATEWAY_PORT"] = gatewayPort.ToString();
        start.Environment["Ftp__Port"] = ftpPort.ToString();
        start.Environment["SMARTSTORE_INGEST_URL"] = $"http://127.0.0.1:{Loopback.FreePort()}";
        start.Environment["Ftp__PassivePortFirst"] = "21700";
        start.Environment["Ftp__PassivePortLast"] = "21799";
        start.Environment["Analysis__Enabled"] = analyse ? "true" : "false";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task WaitForPort(int port) => Eventually.Get(async () =>
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }, open => open, within: TimeSpan.FromSeconds(90), what: $"the silo's FTP port {port}");

}
