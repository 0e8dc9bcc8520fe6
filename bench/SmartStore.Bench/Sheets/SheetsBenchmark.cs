using System.Globalization;
using SmartStore.Bench.Board;

namespace SmartStore.Bench.Sheets;

/// <summary>
/// Master-data sheets at a chain's size, through the web API as head office sends them: N stores, two cameras each and a
/// store manager each are created by sheet, exported, sent back untouched (which must change nothing) and then changed
/// (every store's hours, every door camera's line, every manager given a second store). Times each step and counts what
/// each answer says it changed; a step answered other than 200, or changing other than it should, is a failure.
/// </summary>
public sealed class SheetsBenchmark : IBenchmark
{
    public string Name => "sheets";

    public string Usage => "[--stores N (2000)]  store, camera and account sheets at chain size: created, exported, sent back, changed (needs SMARTSTORE_BENCH_PG)";

    /// <summary>New accounts one sheet may create (their first passwords are hashed slowly): a rollout sends several.</summary>
    private const int AccountsPerSheet = 500;

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var stores = args.Get("stores", 2000);
        if (stores < 2 || stores > 5000) throw new ArgumentException("--stores must be 2–5000 (a sheet holds at most 5,000 rows).");
        return await BenchChain.Run(Name, async chain =>
        {
            var web = await chain.Start(0, cancellation);
            using var admin = await chain.SignIn(web, "admin", cancellation);
            var round = new SheetRound(admin, new Figures(), cancellation);
            var codes = Enumerable.Range(1, stores).Select(i => $"B{i:0000}").ToList();
            await round.Run("stores", "/api/stores", [StoreSheet(codes)], Sheet("code,open,close,staff", codes.Select(c => $"{c},09:30,22:00,7")), stores);
            await round.Run("cameras", "/api/cameras", [CameraSheet(codes)],
                Sheet("code,door_line", codes.Select(c => $"CAM-{c}-E1,0.5 0.2 0.5 0.98 0.75 0.6")), stores);
            var managers = codes.Chunk(AccountsPerSheet).Select(chunk => Sheet("username,name,role,stores",
                chunk.Select(c => $"{c.ToLowerInvariant()}.mgr,店长 {c},store_manager,{c}"))).ToList();
            await round.Run("accounts", "/api/accounts", managers,
                Sheet("username,stores", codes.Select((c, i) => $"{c.ToLowerInvariant()}.mgr,{c}|{codes[(i + 1) % codes.Count]}")), stores);
            round.Figures.Add("sheets_stores", stores, "stores");
            round.Figures.Print();
            if (round.Failures > 0) Console.Error.WriteLine($"sheets: {round.Failures} steps failed; silo's last lines:{Environment.NewLine}{chain.SiloTail()}");
            return round.Failures == 0 ? 0 : 1;
        }, cancellation);
    }

    /// <summary>Stores spread over the four regions and across China's map, as a rollout's sheet lists them.</summary>
    private static string StoreSheet(IReadOnlyList<string> codes)
    {
        string[] regions = ["EAST", "NORTH", "SOUTH", "WEST"];
        return Sheet("code,name,region,city,address,latitude,longitude,tags,open,close,staff", codes.Select((c, i) => string.Create(CultureInfo.InvariantCulture,
            $"{c},规模门店 {i + 1},{regions[i % 4]},规模市,规模路 {i + 1} 号,{22 + i % 170 * 0.1:0.0},{100 + i / 170 * 2.0:0.0},street,10:00,22:00,6")));
    }

    /// <summary>Each store's door camera and shelf dome with two presets.</summary>
    private static string CameraSheet(IReadOnlyList<string> codes) =>
        Sheet("code,kind,store,brand,model,cadence,presets", codes.SelectMany(c => new[]
        {
            $"CAM-{c}-E1,entrance,{c},Hikvision,DS-2CD,,", $"CAM-{c}-P1,shelf,{c},Hikvision,DS-2DE,10,1:饮料货架|2:乳品冷柜",
        }));

    private static string Sheet(string header, IEnumerable<string> rows) => header + "\n" + string.Join("\n", rows) + "\n";
}
