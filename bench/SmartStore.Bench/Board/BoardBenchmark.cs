using SmartStore.Bench.Ingest;
using SmartStore.Storage;

namespace SmartStore.Bench.Board;

/// <summary>
/// The head-office board (总部看板) and the phone view (/m) at a chain's size: the demo chain grown to N stores with two
/// cameras each, a silo and a web host of their own on a fresh database. Times the first board after the silo starts (the
/// silo wakes every store grain as it starts, `StoreGrainWarmup`; a grain not woken yet reads its state from PostgreSQL
/// for this board), every camera's heartbeat, then the board and /m again (medians), with the bytes each page sends
/// compressed and reads uncompressed.
/// </summary>
public sealed class BoardBenchmark : IBenchmark
{
    public string Name => "board";

    public string Usage => "[--stores N (2000)] [--loads K (5)] [--pool P (each process's default)]  the HQ board and /m at chain size (needs SMARTSTORE_BENCH_PG)";

    private const int DemoStores = 30;

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var stores = args.Get("stores", 2000);
        var loads = args.Get("loads", 5);
        var pool = args.Get("pool", 0);
        if (stores < DemoStores || loads < 1 || pool < 0) throw new ArgumentException($"--stores must be at least {DemoStores}, --loads at least 1, --pool 1 or more.");
        return await BenchChain.Run(Name, async chain =>
        {
            Progress.Say($"chain: {stores - DemoStores} more stores, each with a door camera and a shelf dome");
            var cameras = (await ChainAtScale.Add(chain.Database, stores - DemoStores, cancellation)).Concat(DemoCameras(chain.Secrets)).ToList();
            // The processes bound their pools themselves; --pool names a size instead (100 is Npgsql's own default).
            var address = await chain.Start(pool, cancellation);
            var figures = await Measure(chain, address, cameras, loads, cancellation);
            figures.Figures.Add("board_stores", stores, "stores");
            figures.Figures.Print();
            if (figures.Failures > 0) Console.Error.WriteLine($"board: {figures.Failures} pages or heartbeats failed; silo's last lines:{Environment.NewLine}{chain.SiloTail()}");
            return figures.Failures == 0 ? 0 : 1;
        }, cancellation);
    }

    private static async Task<(Figures Figures, int Failures)> Measure(BenchChain chain, Uri web, IReadOnlyList<(string Camera, string Secret)> cameras,
        int loads, CancellationToken cancellation)
    {
        var figures = new Figures();
        using var admin = await chain.SignIn(web, "admin", cancellation);
        using var region = await chain.SignIn(web, "east", cancellation);

        // The web host's own first request (JIT, sign-in) is not the board's: a page that calls no grain first.
        await admin.Open("/stores", cancellation);
        Progress.Say("the first board after the silo started (its store grains woken by the silo, or by this board)");
        var (cold, _, _) = await admin.Open("/", cancellation);
        figures.Add("board_cold_s", cold, "s");

        Progress.Say($"every camera reports ({cameras.Count} heartbeats, 16 at a time)");
        var (perSecond, heartbeatsFailed) = await HeartbeatRound.Run(web, cameras, 16, cancellation);
        figures.Add("heartbeats_per_second", perSecond, "heartbeats/s");
        figures.Add("heartbeats_failed", heartbeatsFailed, "heartbeats");

        foreach (var (name, visitor, path) in new[] { ("board", admin, "/"), ("mobile_hq", admin, "/m"), ("mobile_region", region, "/m") })
        {
            Progress.Say($"{name}: {loads} loads of {path}");
            var runs = new List<(double Seconds, long Sent, long Page)>();
            for (var i = 0; i < loads; i++) runs.Add(await visitor.Open(path, cancellation));
            figures.Add($"{name}_ms_median", runs.Select(r => r.Seconds * 1000).Order().ElementAt(loads / 2), "ms");
            figures.Add($"{name}_kb", runs[^1].Page / 1024.0, "KiB");
            figures.Add($"{name}_sent_kb", runs[^1].Sent / 1024.0, "KiB");
        }
        var failures = admin.Failures + region.Failures + heartbeatsFailed;
        figures.Add("page_failures", admin.Failures + region.Failures, "pages");
        return (figures, failures);
    }

    /// <summary>The demo chain's cameras, with the secrets its seed wrote.</summary>
    private static IEnumerable<(string Camera, string Secret)> DemoCameras(SecretsFile secrets) =>
        secrets.Load().Where(p => p.Key.StartsWith("camera:", StringComparison.Ordinal)).Select(p => (p.Key["camera:".Length..], p.Value!.GetValue<string>()));
}
