using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SmartStore.Integration.Tests;

/// <summary>Runs the real FTP clients the tests use: curl and Python's ftplib (tests/…/ftp_probe.py).</summary>
public static class FtpClients
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> Curl(params string[] args) => await Run("curl", args);

    public static async Task<JsonNode> Probe(string scenario, int port, string user, string password, params string[] extra)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "ftp_probe.py");
        var outcome = await Run("python3", [script, scenario, "127.0.0.1", port.ToString(), user, password, .. extra]);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"ftp_probe {scenario} failed: {outcome.Error}");
        return JsonNode.Parse(outcome.Output)!;
    }

    private static async Task<Outcome> Run(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output, await error);
    }
}
