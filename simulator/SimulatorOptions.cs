namespace SmartStore.Simulator;

/// <summary>Command line of the demo-camera simulator.</summary>
public sealed record SimulatorOptions(
    Uri Web,
    string SecretsPath,
    TimeSpan HeartbeatEvery,
    int SilentCameras,
    TimeSpan SilentAfter,
    int WrongPasswordCameras,
    TimeSpan? Duration)
{
    public const string Usage = """
        usage: SmartStore.Simulator [--web URL] [--secrets FILE] [--heartbeat SECONDS]
                                    [--silent N] [--silent-after SECONDS] [--wrong-password N] [--duration SECONDS]
          --web             SmartStore web URL (default http://127.0.0.1:5080)
          --secrets         secrets.json with the demo cameras' secrets (default .smartstore/secrets.json)
          --heartbeat       seconds between heartbeats of one camera (default 30)
          --silent          this many cameras stop sending after --silent-after seconds (default 0)
          --wrong-password  this many cameras send a wrong password every time (default 0)
          --duration        stop after this many seconds (default: run until Ctrl+C)
        """;

    public static SimulatorOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        double Seconds(string name, double fallback) =>
            double.TryParse(Value(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0
                ? s : throw new ArgumentException($"{name} takes a number of seconds.");
        int Count(string name) => int.TryParse(Value(name, "0"), out var n) && n >= 0 ? n : throw new ArgumentException($"{name} takes a whole number.");

        var duration = Seconds("--duration", 0);
        return new SimulatorOptions(
            new Uri(Value("--web", Environment.GetEnvironmentVariable("SMARTSTORE_WEB_URL") ?? "http://127.0.0.1:5080")),
            Value("--secrets", Path.Combine(Environment.GetEnvironmentVariable("SMARTSTORE_HOME") ?? ".smartstore", "secrets.json")),
            TimeSpan.FromSeconds(Math.Max(1, Seconds("--heartbeat", 30))),
            Count("--silent"),
            TimeSpan.FromSeconds(Seconds("--silent-after", 120)),
            Count("--wrong-password"),
            duration > 0 ? TimeSpan.FromSeconds(duration) : null);
    }
}
