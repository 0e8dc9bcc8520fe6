using System.Globalization;

namespace SmartStore.Simulator;

/// <summary>Command line of the demo-camera simulator.</summary>
public sealed record SimulatorOptions(
    Uri Web,
    string FtpHost,
    int FtpPort,
    string SecretsPath,
    string DataDirectory,
    TimeSpan HeartbeatEvery,
    TimeSpan FrameEvery,
    int LiveEntrances,
    TimeSpan LiveFrameEvery,
    TimeSpan PatrolEvery,
    TimeSpan InteriorFrameEvery,
    TimeSpan TillFrameEvery,
    int FramesPerSequence,
    int SilentCameras,
    TimeSpan SilentAfter,
    int WrongPasswordCameras,
    int CorruptCameras,
    int BannerCameras,
    TimeSpan BannerAfter,
    int FrozenCameras,
    TimeSpan FrozenAfter,
    bool OpenAllHours,
    TimeSpan? Duration)
{
    public const string Usage = """
        usage: SmartStore.Simulator [options]
          --web URL            SmartStore web URL for heartbeats (default http://127.0.0.1:5080)
          --ftp HOST:PORT      FTP endpoint for snapshots (default 127.0.0.1:2121)
          --secrets FILE       secrets.json with the demo cameras' secrets (default .smartstore/secrets.json)
          --data DIR           evaluation images to replay (default ../shared/data)
          --heartbeat S        seconds between heartbeats of one camera (default 30)
          --live-entrances N   this many entrance cameras (first stores) send a frame every --live-every s,
                               so their door lines count people (default 2; two cores analyse about 4 frames/s
                               beside everything else the demo runs)
          --live-every S       seconds between their frames (default 1, as real entrance cameras)
          --frame-every S      seconds between the other entrance cameras' snapshots (default 60)
          --patrol-every S     seconds between shelf patrols of 4 presets (default 600)
          --interior-every S   seconds between the in-store cameras' snapshots (default 10)
          --till-every S       seconds between the till cameras' snapshots (default 15); the demo POS rings
                               receipts by who stands at the till in them
          --frames N           frames of each sequence to replay, looping (default 60)
          --silent N           this many cameras stop after --silent-after seconds (default 0)
          --silent-after S     default 120
          --wrong-password N   this many cameras use a wrong password (default 0)
          --corrupt N          this many cameras send truncated JPEGs (default 0)
          --banner N           this many entrance cameras get a banner hung in front of them after --banner-after s,
                               so their view check raises "blocked" (default 0)
          --banner-after S     default 120
          --frozen N           this many entrance cameras get stuck after --frozen-after s, re-sending their last
                               picture byte for byte, so their view check raises "frozen" (default 0)
          --frozen-after S     default 120
          --open-all-hours     people come and go at any hour; by default a store's door, floor and till cameras
                               send its empty view while it is closed by its hours on file (read with the demo
                               POS's key), and its till rings nothing (also SMARTSTORE_SIM_OPEN_ALL_HOURS=1)
          --duration S         stop after this many seconds (default: until Ctrl+C)
        """;

    public static SimulatorOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        double Seconds(string name, double fallback) =>
            double.TryParse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
                ? s : throw new ArgumentException($"{name} takes a number of seconds.");
        int Count(string name, int fallback) =>
            int.TryParse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), out var n) && n >= 0 ? n : throw new ArgumentException($"{name} takes a whole number.");

        var ftp = Value("--ftp", "127.0.0.1:2121").Split(':');
        if (ftp.Length != 2 || !int.TryParse(ftp[1], out var ftpPort)) throw new ArgumentException("--ftp takes HOST:PORT.");
        var duration = Seconds("--duration", 0);
        return new SimulatorOptions(
            new Uri(Value("--web", Environment.GetEnvironmentVariable("SMARTSTORE_WEB_URL") ?? "http://127.0.0.1:5080")),
            ftp[0], ftpPort,
            Value("--secrets", Path.Combine(Environment.GetEnvironmentVariable("SMARTSTORE_HOME") ?? ".smartstore", "secrets.json")),
            Path.GetFullPath(Value("--data", Path.Combine("..", "shared", "data"))),
            TimeSpan.FromSeconds(Math.Max(1, Seconds("--heartbeat", 30))),
            TimeSpan.FromSeconds(Math.Max(0.5, Seconds("--frame-every", 60))),
            Count("--live-entrances", 2),
            TimeSpan.FromSeconds(Math.Clamp(Seconds("--live-every", 1), 0.5, 5)),
            TimeSpan.FromSeconds(Math.Max(5, Seconds("--patrol-every", 600))),
            TimeSpan.FromSeconds(Math.Max(1, Seconds("--interior-every", 10))),
            TimeSpan.FromSeconds(Math.Max(1, Seconds("--till-every", 15))),
            Math.Max(1, Count("--frames", 60)),
            Count("--silent", 0),
            TimeSpan.FromSeconds(Seconds("--silent-after", 120)),
            Count("--wrong-password", 0),
            Count("--corrupt", 0),
            Count("--banner", 0),
            TimeSpan.FromSeconds(Seconds("--banner-after", 120)),
            Count("--frozen", 0),
            TimeSpan.FromSeconds(Seconds("--frozen-after", 120)),
            args.Contains("--open-all-hours") || Environment.GetEnvironmentVariable("SMARTSTORE_SIM_OPEN_ALL_HOURS") == "1",
            duration > 0 ? TimeSpan.FromSeconds(duration) : null);
    }
}
