using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Bench.Board;

/// <summary>
/// Grows the demo chain to a chain's size: stores B0001… spread over the four regions and across China's map, each
/// with a door camera and a shelf dome, created through the repositories as an import and the back office would.
/// </summary>
public static class ChainAtScale
{
    private static readonly string[] Regions = ["EAST", "NORTH", "SOUTH", "WEST"];
    private static readonly string[] Tags = ["street", "mall", "community"];

    /// <returns>Each new camera's code and secret, for its heartbeats.</returns>
    public static async Task<IReadOnlyList<(string Camera, string Secret)>> Add(SmartStoreDatabase database, int stores, CancellationToken cancellation)
    {
        var hours = OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0));
        var added = Enumerable.Range(1, stores).Select(i => new Store($"B{i:0000}", $"规模门店 {i}", Regions[i % Regions.Length], "规模市",
            "", 22 + i % 170 * 0.1, 100 + i / 170 * 2.0, [Tags[i % Tags.Length]], hours, "Asia/Shanghai", 6)).ToList();
        await new StoreRepository(database).CreateMany(added, "bench");
        var cameras = new CameraRepository(database);
        var secrets = new List<(string, string)>();
        foreach (var (store, i) in added.Select((s, i) => (s, i)))
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var (suffix, kind) in new[] { ("E1", CameraKind.Entrance), ("P1", CameraKind.Shelf) })
            {
                var camera = new Camera($"CAM-{store.Code}-{suffix}", kind, "bench", "", store.Code, kind == CameraKind.Shelf ? 10 : 1,
                    kind == CameraKind.Shelf ? [new CameraPreset(1, "货架 1", 1)] : []);
                secrets.Add((camera.Code, await cameras.Create(camera, "bench")));
            }
            if ((i + 1) % 500 == 0) Progress.Say($"  chain: {i + 1}/{added.Count} stores with their cameras");
        }
        return secrets;
    }
}
