using System.Net.Http.Headers;
using System.Text;
using SmartStore.Models;

namespace SmartStore.Simulator;

/// <summary>
/// One simulated camera: heartbeats over HTTP and snapshots over FTP on its cadence, with its own
/// credentials — and misbehaviour on request (silent, wrong password, corrupt files, a banner hung in front of it, a stuck picture).
/// </summary>
public sealed class DemoCamera(string code, string secret, int index, CameraWiring wiring)
{
    public string Code { get; } = code;
    public DateTime? SilentFromUtc { get; init; }
    public bool WrongPassword { get; init; }
    public bool SendsCorruptFiles { get; init; }
    /// <summary>From then on a banner hangs in front of this fixed camera (its view check raises "blocked").</summary>
    public DateTime? BannerFromUtc { get; init; }
    /// <summary>From then on this camera's picture is stuck: it re-sends its last upload byte for byte (its view check raises "frozen").</summary>
    public DateTime? FrozenFromUtc { get; init; }

    /// <summary>Sends entrance frames at the live cadence (about 1 s), so tracking and door counting work.</summary>
    public bool Live { get; init; }

    // Demo chain naming: CAM-Sxxxx-E1 is the entrance bullet camera, CAM-Sxxxx-P1 the shelf dome, CAM-Sxxxx-I1 the
    // in-store camera, CAM-Sxxxx-T1 the camera over the till.
    private bool IsEntrance => Code.EndsWith("-E1", StringComparison.Ordinal);
    private bool IsInterior => Code.EndsWith("-I1", StringComparison.Ordinal);
    private bool IsTill => DemoTill.StoreOf(Code) is not null;
    private string Password => WrongPassword ? secret + "-wrong" : secret;
    private bool Silent => SilentFromUtc is { } from && DateTime.UtcNow >= from;
    // CAM-Sxxxx-…: the store's code is the middle part.
    private string Store => Code.Split('-') is [_, var store, ..] ? store : Code;
    /// <summary>The store is closed now by its hours on file: its door, floor and till cameras see nobody.</summary>
    private bool StoreClosed => !wiring.Hours.IsOpen(Store, DateTime.UtcNow);

    public Task Run(SimulatorOptions options, CancellationToken stop) =>
        Task.WhenAll(
            Every(options.HeartbeatEvery, Beat, stop),
            wiring.Images.HasImages ? Snapshots(options, stop) : Task.CompletedTask);

    private Task Snapshots(SimulatorOptions options, CancellationToken stop)
    {
        if (IsEntrance) return Every(Live ? options.LiveFrameEvery : options.FrameEvery, SendFrame, stop);
        if (IsInterior) return Every(options.InteriorFrameEvery, SendInteriorFrame, stop);
        if (IsTill) return wiring.Images.TillFrames > 0 ? Every(options.TillFrameEvery, SendTillFrame, stop) : Task.CompletedTask;
        return Every(options.PatrolEvery, Patrol, stop);
    }

    private async Task Every(TimeSpan period, Func<CancellationToken, Task> act, CancellationToken stop)
    {
        // Spread the first actions so 60 cameras do not all knock at once.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(period.TotalMilliseconds, 5000))), stop);
        using var timer = new PeriodicTimer(period);
        do
        {
            if (Silent) { wiring.Tally.Silent(Code); continue; }
            // A store closed for good has its cameras taken down: nothing to send, nothing to count.
            if (wiring.Hours.ClosedDown(Store, DateTime.UtcNow)) continue;
            try { await act(stop); }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                wiring.Tally.Failed($"{Code}: {e.Message}");
            }
        } while (await timer.WaitForNextTickAsync(stop));
    }

    private async Task Beat(CancellationToken stop)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{Code}/heartbeat");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Code}:{Password}")));
        using var response = await wiring.Http.SendAsync(request, stop);
        if (response.IsSuccessStatusCode) wiring.Tally.Accepted();
        else wiring.Tally.Rejected(Code, $"heartbeat HTTP {(int)response.StatusCode}");
    }

    private int _frame;

    private async Task SendFrame(CancellationToken stop)
    {
        var file = wiring.Images.EntranceFrame(index, _frame++);
        var picture = StoreClosed ? wiring.Images.EmptyEntrance(index) : await File.ReadAllBytesAsync(file, stop);
        await SendPicture(TimingName(subnet: 1), picture, stop);
    }

    private async Task SendInteriorFrame(CancellationToken stop)
    {
        if (wiring.Images.InteriorFrame(index, _frame++) is not { } file) return;
        var picture = StoreClosed ? wiring.Images.EmptyInterior() : await File.ReadAllBytesAsync(file, stop);
        await SendPicture(TimingName(subnet: 2), picture, stop);
    }

    /// <summary>The till's picture, then whatever the demo POS rings while (or without) a customer stands there; nothing while the store is closed.</summary>
    private async Task SendTillFrame(CancellationToken stop)
    {
        var tick = _frame++;
        if (StoreClosed)
        {
            await SendPicture(TimingName(subnet: 3), wiring.Images.EmptyTill(), stop);
            return;
        }
        await SendPicture(TimingName(subnet: 3), await File.ReadAllBytesAsync(wiring.Images.TillFrame(tick).File, stop), stop);
        if (wiring.Pos is { } pos) await pos.AfterPicture(Code, tick, wiring.Images, stop);
    }

    /// <summary>Hikvision-style name with the capture time in store-local time (the demo chain is all Asia/Shanghai).</summary>
    private string TimingName(int subnet) =>
        $"192.168.{subnet}.{64 + index % 100}_01_{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmssfff}_TIMING.jpg";

    private readonly Random _random = new(index);

    private async Task Patrol(CancellationToken stop)
    {
        foreach (var (preset, _) in DemoShelf.Presets(Code))
        {
            var local = DateTime.UtcNow.AddHours(8);
            await Send($"{Code}_P{preset:D2}_{local:yyyyMMddHHmmss}.jpg", wiring.Images.ShelfPatrol(Code, preset, _random), stop);
        }
    }

    /// <summary>A fixed camera's picture, with the banner in front of it once one hangs there.</summary>
    private Task SendPicture(string remoteName, byte[] picture, CancellationToken stop) =>
        Send(remoteName, BannerFromUtc is { } from && DateTime.UtcNow >= from ? Banner.Over(picture) : picture, stop);

    private byte[]? _lastUpload;

    private async Task Send(string remoteName, byte[] content, CancellationToken stop)
    {
        // A hung encoder hands out its last JPEG again, stamp and all, under each new file name.
        var stuck = FrozenFromUtc is { } from && DateTime.UtcNow >= from && _lastUpload is not null;
        var bytes = stuck ? _lastUpload! : CaptureStamp.Apply(content, $"{Code} {DateTime.UtcNow:O}");
        if (SendsCorruptFiles) bytes = bytes[..(bytes.Length / 2)];
        _lastUpload = bytes;
        var result = await wiring.Ftp.Upload(Code, Password, remoteName, bytes, stop);
        if (result.Stored) wiring.Tally.Uploaded(bytes.Length);
        else wiring.Tally.Rejected(Code, $"FTP {result.Reply}");
    }
}

/// <summary>What every simulated camera shares: the HTTP client, the FTP uploader, the images and the tally.</summary>
public sealed record CameraWiring(HttpClient Http, FtpUploader Ftp, SnapshotSource Images, SimulatorTally Tally, StoreHours Hours)
{
    /// <summary>The demo POS the till cameras ring receipts on; none without its API key in secrets.json.</summary>
    public DemoPos? Pos { get; init; }
}
