using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using SmartStore.Models;
using SmartStore.Silo;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Grains.Tests;

/// <summary>
/// A TestingHost silo whose grain state, reminders and master data live in a real PostgreSQL
/// database (our migrations), with camera liveness shortened to seconds.
/// </summary>
public sealed class LivenessCluster : IAsyncLifetime
{
    public const string OpenStore = "T0001";
    public const string ClosedStore = "T0002";
    public const string OpenCamera = "CAM-T0001-E1";
    public const string ClosedCamera = "CAM-T0002-E1";
    public const string SpareCamera = "CAM-T0001-P1";
    public const string MovingCamera = "CAM-T0001-E2";
    public const string TrafficStore = "T0003";
    public const string DoorCamera = "CAM-T0003-E1";
    public const string QuietStore = "T0005";
    public const string QuietDoorCamera = "CAM-T0005-E1";
    public const string HeadcountStore = "T0006";
    public const string InteriorCamera = "CAM-T0006-I1";
    public const string AreaStore = "T0007";
    public const string AreaCamera = "CAM-T0007-I1";
    /// <summary>The left half of <see cref="AreaCamera"/>'s view.</summary>
    public static readonly CountingArea LeftHalf = new([new(0, 0), new(0.5f, 0), new(0.5f, 1), new(0, 1)]);
    /// <summary>Closed every day until a test opens it (its hours changed in master data).</summary>
    public const string ReopeningStore = "T0008";
    public const string ReopeningCamera = "CAM-T0008-E1";
    /// <summary>A store whose grain refuses the next <see cref="RefusingStore.Refusals"/> reports of traffic (as a timeout would).</summary>
    public const string RefusingHeadcountStore = "T0009";
    public const string RefusedInteriorCamera = "CAM-T0009-I1";
    /// <summary>Open round the clock; its door goes quiet while people keep walking past (judged after 30 s here).</summary>
    public const string ClosingStore = "T0010";
    public const string ShelfStore = "T0004";
    public const string ShelfCameraA = "CAM-T0004-P1";
    public const string ShelfCameraB = "CAM-T0004-P2";
    /// <summary>A shelf store a test closes for good (闭店), with one dome.</summary>
    public const string ClosingDownStore = "T0011";
    public const string ClosingDownCamera = "CAM-T0011-P1";

    public TestDatabase Database { get; private set; } = null!;
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.Create();
        await SeedMasterData(Database.Database);

        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SMARTSTORE_PG"] = Database.ConnectionString,
            ["CameraLiveness:OfflineAfter"] = "00:00:01.500",
            ["CameraLiveness:CheckEvery"] = "00:00:00.250",
            ["CameraLiveness:ReminderPeriod"] = "00:01:00",
            ["Headcount:MaxGap"] = "00:00:02",
            ["Closure:MinQuiet"] = "00:00:30",
            // The plain rule (the whole day's rate, 1 in 100), so a test's handful of reports can raise it; `bench closure` measures the defaults.
            ["Closure:Chance"] = "0.01",
            ["Closure:RateShare"] = "1",
            // A shelf alert ends at the first patrol that misses it (the wait before its end: the snapshot's own test).
            ["ShelfAlerts:EndAfter"] = "00:00:00",
        }));
        builder.AddSiloBuilderConfigurator<PostgresSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static async Task SeedMasterData(SmartStoreDatabase db)
    {
        await new RegionRepository(db).Upsert(new Region("TEST", "测试大区", "Test"), "test");
        var stores = new StoreRepository(db);
        var closed = new OpeningHours(Enumerable.Range(0, 7).Select(_ => new DayHours(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true)).ToArray(), []);
        await stores.Create(new Store(OpenStore, "全天店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await stores.Create(new Store(ClosedStore, "停业店", "TEST", "上海", "", 31.2, 121.5, [], closed, "Asia/Shanghai", 3), "test");
        var cameras = new CameraRepository(db);
        await cameras.Create(new Camera(OpenCamera, CameraKind.Entrance, "", "", OpenStore, 1, []), "test");
        await cameras.Create(new Camera(ClosedCamera, CameraKind.Entrance, "", "", ClosedStore, 1, []), "test");
        await cameras.Create(new Camera(SpareCamera, CameraKind.Shelf, "", "", OpenStore, 10, []), "test");
        await cameras.Create(new Camera(MovingCamera, CameraKind.Entrance, "", "", OpenStore, 1, []), "test");
        await stores.Create(new Store(TrafficStore, "客流店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await cameras.Create(new Camera(DoorCamera, CameraKind.Entrance, "", "", TrafficStore, 1, []), "test");
        await cameras.SetDoorLine(DoorCamera, Traffic.TrafficScenes.Door, "test");
        await stores.Create(new Store(QuietStore, "收工店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await cameras.Create(new Camera(QuietDoorCamera, CameraKind.Entrance, "", "", QuietStore, 1, []), "test");
        await cameras.SetDoorLine(QuietDoorCamera, Traffic.TrafficScenes.Door, "test");
        await stores.Create(new Store(HeadcountStore, "店内人数店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await cameras.Create(new Camera(InteriorCamera, CameraKind.Interior, "", "", HeadcountStore, 10, []), "test");
        await stores.Create(new Store(AreaStore, "计数区域店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await cameras.Create(new Camera(AreaCamera, CameraKind.Interior, "", "", AreaStore, 10, []), "test");
        await cameras.SetCountingArea(AreaCamera, LeftHalf, "test");
        await stores.Create(new Store(ReopeningStore, "重开店", "TEST", "上海", "", 31.2, 121.5, [], closed, "Asia/Shanghai", 3), "test");
        await cameras.Create(new Camera(ReopeningCamera, CameraKind.Entrance, "", "", ReopeningStore, 1, []), "test");
        await stores.Create(new Store(RefusingHeadcountStore, "超时店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await cameras.Create(new Camera(RefusedInteriorCamera, CameraKind.Interior, "", "", RefusingHeadcountStore, 10, []), "test");
        await stores.Create(new Store(ClosingStore, "早关店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await stores.Create(new Store(ShelfStore, "陈列店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        CameraPreset[] presets = [new CameraPreset(1, "货架1", 1)];
        await cameras.Create(new Camera(ShelfCameraA, CameraKind.Shelf, "", "", ShelfStore, 10, presets), "test");
        await cameras.Create(new Camera(ShelfCameraB, CameraKind.Shelf, "", "", ShelfStore, 10, presets), "test");
        await stores.Create(new Store(ClosingDownStore, "闭店店", "TEST", "上海", "", 31.2, 121.5, [], OpeningHours.AlwaysOpen, "Asia/Shanghai", 3), "test");
        await cameras.Create(new Camera(ClosingDownCamera, CameraKind.Shelf, "", "", ClosingDownStore, 10, presets), "test");
    }

    private sealed class PostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration["SMARTSTORE_PG"]!;
            silo.UsePostgresStorage(connectionString);
            silo.Services.AddSmartStoreGrainServices(silo.Configuration, connectionString);
            silo.AddIncomingGrainCallFilter<RefusingStore>();
        }
    }
}

/// <summary>Makes <see cref="LivenessCluster.RefusingHeadcountStore"/>'s grain time out on traffic reports while <see cref="Refusals"/> lasts.</summary>
public sealed class RefusingStore : IIncomingGrainCallFilter
{
    private static int _refusals;

    public static int Refusals { get => Volatile.Read(ref _refusals); set => Volatile.Write(ref _refusals, value); }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.MethodName == nameof(SmartStore.GrainInterfaces.IStoreGrain.RecordTraffic)
            && context.TargetId.Key.ToString() == LivenessCluster.RefusingHeadcountStore && Interlocked.Decrement(ref _refusals) >= 0)
            throw new TimeoutException("the store took too long (refused by the test)");
        return context.Invoke();
    }
}

[CollectionDefinition(Name)]
public sealed class LivenessCollection : ICollectionFixture<LivenessCluster>
{
    public const string Name = "liveness cluster";
}
