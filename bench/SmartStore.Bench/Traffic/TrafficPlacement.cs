using Dapper;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Bench.Traffic;

/// <summary>
/// One entrance camera per counting line, each in a demo store of its own (a store adds up all its cameras),
/// with the line as its door line: end points as drawn, the inside point a step along the line's inside normal.
/// </summary>
public sealed class TrafficPlacement
{
    private readonly Dictionary<(string Sequence, string Line), (string Camera, string Store, string Secret, string TimeZone)> _places = new();

    public string CameraOf(TrafficScene scene, CountingLineTruth line) => _places[(scene.Sequence, line.Name)].Camera;
    public string StoreOf(TrafficScene scene, CountingLineTruth line) => _places[(scene.Sequence, line.Name)].Store;
    public (string Camera, string Secret, string TimeZone) Login(TrafficScene scene, CountingLineTruth line)
    {
        var p = _places[(scene.Sequence, line.Name)];
        return (p.Camera, p.Secret, p.TimeZone);
    }

    public static async Task<TrafficPlacement> Create(SmartStoreDatabase database, IReadOnlyList<TrafficScene> scenes, CancellationToken cancellation)
    {
        var cameras = new CameraRepository(database);
        await using var connection = await database.Open(cancellation);
        var stores = (await connection.QueryAsync<(string Code, string TimeZone)>("SELECT code, time_zone FROM stores ORDER BY code")).ToList();
        var placement = new TrafficPlacement();
        var k = 0;
        foreach (var scene in scenes)
        {
            foreach (var line in scene.Lines)
            {
                if (k >= stores.Count) throw new InvalidOperationException($"More counting lines than demo stores ({stores.Count}).");
                var (store, zone) = stores[k++];
                var code = $"CAM-TB-{k:00}";
                var secret = CameraSecret.Generate();
                await cameras.Create(new Camera(code, CameraKind.Entrance, "bench", scene.Sequence, store, 1, []), "bench", secret);
                await cameras.SetDoorLine(code, DoorLineOf(scene, line), "bench");
                placement._places[(scene.Sequence, line.Name)] = (code, store, secret, zone);
            }
        }
        return placement;
    }

    private static DoorLine DoorLineOf(TrafficScene scene, CountingLineTruth line)
    {
        float w = scene.Width, h = scene.Height;
        var midX = (line.A[0] + line.B[0]) / 2 + 20 * line.InDirection[0];
        var midY = (line.A[1] + line.B[1]) / 2 + 20 * line.InDirection[1];
        return new DoorLine(Fraction(line.A[0], w), Fraction(line.A[1], h), Fraction(line.B[0], w), Fraction(line.B[1], h),
            Fraction(midX, w), Fraction(midY, h));
    }

    private static float Fraction(float px, float size) => Math.Clamp(px / size, 0, 1);
}
