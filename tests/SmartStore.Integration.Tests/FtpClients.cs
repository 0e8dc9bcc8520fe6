using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SmartStore.Integration.Tests;

/// <summary>Runs the real FTP clients the tests use — curl and Python's ftplib (tests/…/ftp_probe.py) — and other real commands.</summary>
public static class FtpClients
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary>curl, verbose: its errors then hold every command it sent and reply it read, which tells where a hang stood.</summary>
    public static async Task<Outcome> Curl(params string[] args) => await Run("curl", ["-v", .. args]);

    /// <summary>
    /// Uploads the pictures with curl in one FTP session, named as a camera names its captures: <paramref name="apart"/> from
    /// one another from <paramref name="firstCapture"/> (China time, as the cameras' clocks).
    /// </summary>
    public static async Task UploadCaptures(int port, string cameraCode, string secret, DateTime firstCapture, TimeSpan apart, params byte[][] pictures)
    {
        var folder = Directory.CreateTempSubdirectory("captures-");
        try
        {
            var files = pictures.Select((bytes, i) =>
            {
                var path = Path.Combine(folder.FullName, $"{cameraCode}_01_{firstCapture + i * apart:yyyyMMddHHmmssfff}_F{i:000000}.jpg");
                File.WriteAllBytes(path, bytes);
                return path;
            }).ToList();
            var upload = await Curl("-sS", "-T", "{" + string.Join(",", files) + "}", "--user", $"{cameraCode}:{secret}", $"ftp://127.0.0.1:{port}/");
            if (upload.ExitCode != 0) throw new InvalidOperationException($"curl upload failed: {upload.Error}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static async Task<JsonNode> Probe(string scenario, int port, string user, string password, params string[] extra)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "ftp_probe.py");
        var outcome = await Run("python3", [script, scenario, "127.0.0.1", port.ToString(), user, password, .. extra]);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"ftp_probe {scenario} failed: {outcome.Error}");
        return JsonNode.Parse(outcome.Output)!;
    }

    private static Task<Outcome> Run(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program);
        foreach (var a in args) start.ArgumentList.Add(a);
        return Run(start);
    }

    /// <summary>
    /// Runs a real command to its end, its output and errors read as it writes them. One still running after two minutes
    /// is stopped, and the failure says what it had written by then.
    /// </summary>
    public static async Task<Outcome> Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{start.FileName} ran over 2 minutes ({string.Join(' ', start.ArgumentList)}); " +
                $"its last words: {Last(await error)} {Last(await output)}");
        }
        return new Outcome(process.ExitCode, await output, await error);
    }

    private static string Last(string written) => written.Length <= 3000 ? written : "…" + written[^3000..];
}
