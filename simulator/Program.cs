using System.Diagnostics;
using System.Text.Json.Nodes;
using SmartStore.Models;
using SmartStore.Simulator;

// Demo cameras for `./smartstore up`: every camera of the demo chain sends heartbeats (HTTP) and real
// snapshots (FTP) with its own credentials, read from secrets.json, on its cadence.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SimulatorOptions.Usage);
    return 0;
}
SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}
if (!File.Exists(options.SecretsPath))
{
    Console.Error.WriteLine($"No secrets at {options.SecretsPath}: run ./smartstore up first (it seeds the demo cameras).");
    return 1;
}

var secrets = JsonNode.Parse(await File.ReadAllTextAsync(options.SecretsPath))!.AsObject();
var cameraSecrets = secrets.Where(p => p.Key.StartsWith("camera:", StringComparison.Ordinal))
    .Select(p => (Code: p.Key["camera:".Length..], Secret: p.Value!.GetValue<string>()))
    .OrderBy(c => c.Code).ToList();

// Not disposed: ProcessExit fires after Main has returned (at the end of --duration), and cancelling a disposed source throws.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
if (options.Duration is { } duration) stop.CancelAfter(duration);

using var http = new HttpClient { BaseAddress = options.Web, Timeout = TimeSpan.FromSeconds(10) };
var images = new SnapshotSource(options.DataDirectory, options.FramesPerSequence);
var tally = new SimulatorTally();
var posKey = secrets[DemoTill.PosKeySecret]?.GetValue<string>();
var hours = new StoreHours(http, posKey);
var wiring = new CameraWiring(http, new FtpUploader(options.FtpHost, options.FtpPort), images, tally, hours)
{
    Pos = posKey is null ? null : new DemoPos(http, posKey, tally),
};
var live = cameraSecrets.Where(c => c.Code.EndsWith("-E1", StringComparison.Ordinal)).Take(options.LiveEntrances).Select(c => c.Code).ToHashSet();
// Chosen before the random misbehaviour, so the same cameras every run and the README can name them: a banner in front of
// the first entrance camera that is not a live one (CAM-S0003-E1), a stuck picture on the next (CAM-S0004-E1).
var steady = cameraSecrets.Where(c => c.Code.EndsWith("-E1", StringComparison.Ordinal) && !live.Contains(c.Code)).Select(c => c.Code).ToList();
var bannered = steady.Take(options.BannerCameras).ToHashSet();
var frozen = steady.Skip(options.BannerCameras).Take(options.FrozenCameras).ToHashSet();
var shuffled = cameraSecrets.Where(c => !bannered.Contains(c.Code) && !frozen.Contains(c.Code)).OrderBy(_ => Random.Shared.Next()).ToList();
var silent = shuffled.Take(options.SilentCameras).Select(c => c.Code).ToHashSet();
var wrong = shuffled.Skip(options.SilentCameras).Take(options.WrongPasswordCameras).Select(c => c.Code).ToHashSet();
var corrupt = shuffled.Skip(options.SilentCameras + options.WrongPasswordCameras).Take(options.CorruptCameras).Select(c => c.Code).ToHashSet();
var cameras = cameraSecrets.Select((c, i) => new DemoCamera(c.Code, c.Secret, i, wiring)
{
    Live = live.Contains(c.Code),
    SilentFromUtc = silent.Contains(c.Code) ? DateTime.UtcNow + options.SilentAfter : null,
    WrongPassword = wrong.Contains(c.Code),
    SendsCorruptFiles = corrupt.Contains(c.Code),
    BannerFromUtc = bannered.Contains(c.Code) ? DateTime.UtcNow + options.BannerAfter : null,
    FrozenFromUtc = frozen.Contains(c.Code) ? DateTime.UtcNow + options.FrozenAfter : null,
}).ToList();

Console.WriteLine($"simulating {cameras.Count} cameras: heartbeats to {options.Web} every {options.HeartbeatEvery.TotalSeconds:0} s, "
    + $"snapshots to ftp://{options.FtpHost}:{options.FtpPort} (entrance every {options.FrameEvery.TotalSeconds:0.#} s, "
    + $"live entrances every {options.LiveFrameEvery.TotalSeconds:0.#} s, in-store every {options.InteriorFrameEvery.TotalSeconds:0.#} s, "
    + $"tills every {options.TillFrameEvery.TotalSeconds:0.#} s, "
    + $"shelf patrol every {options.PatrolEvery.TotalSeconds:0} s)");
if (live.Count > 0) Console.WriteLine($"live entrances (door lines count people): {string.Join(", ", live)}");
Console.WriteLine(images.HasImages ? $"images: {images.Describe()} from {options.DataDirectory}" : $"no images under {options.DataDirectory}: heartbeats only");
Console.WriteLine(wiring.Pos is null ? "no demo POS key in secrets.json: till cameras send pictures, no receipts are rung" : "demo POS: receipts rung at the tills (CAM-…-T1) go to PUT /api/stores/{code}/sales");
if (silent.Count > 0) Console.WriteLine($"silent after {options.SilentAfter.TotalSeconds:0} s: {string.Join(", ", silent)}");
if (wrong.Count > 0) Console.WriteLine($"wrong password: {string.Join(", ", wrong)}");
if (corrupt.Count > 0) Console.WriteLine($"corrupt files: {string.Join(", ", corrupt)}");
if (bannered.Count > 0) Console.WriteLine($"banner in front after {options.BannerAfter.TotalSeconds:0} s: {string.Join(", ", bannered)}");
if (frozen.Count > 0) Console.WriteLine($"picture stuck after {options.FrozenAfter.TotalSeconds:0} s: {string.Join(", ", frozen)}");

if (options.OpenAllHours) Console.WriteLine("open all hours: people come and go whatever the stores' hours (--open-all-hours)");
else await hours.Refresh(Console.WriteLine, stop.Token);

var clock = Stopwatch.StartNew();
var runs = cameras.Select(c => c.Run(options, stop.Token)).ToList();
if (!options.OpenAllHours) runs.Add(hours.Follow(Console.WriteLine, stop.Token));
var progress = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
    while (await timer.WaitForNextTickAsync(stop.Token)) Console.WriteLine(wiring.Tally.Line(clock.Elapsed));
});
try
{
    await Task.WhenAll(runs.Append(progress));
}
catch (OperationCanceledException)
{
    // Ctrl+C, --duration or `./smartstore down`.
}
Console.WriteLine(wiring.Tally.Line(clock.Elapsed));
return 0;
