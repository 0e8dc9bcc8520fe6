using Dapper;
using Orleans.Core.Internal;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Testing;
using static SmartStore.Grains.Tests.Traffic.TrafficScenes;

namespace SmartStore.Grains.Tests.Traffic;

/// <summary>The camera grain tracks, the store grain counts and writes its hour, region and HQ follow — on real PostgreSQL.</summary>
[Collection(LivenessCollection.Name)]
public sealed class FootTrafficGrainTests(LivenessCluster fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_walk_through_the_door_is_an_entry_in_the_store_region_HQ_and_the_hourly_row_and_survives_reactivation()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.DoorCamera);
        var now = DateTime.UtcNow;
        var i = 0;
        IReadOnlyList<TrackedBox> boxes = [];
        foreach (var x in Walk(100, 560, 8))
            boxes = await camera.FrameAnalysed(new AnalysedFrame(i, now.AddSeconds(i++), Width, Height, [At(x, 400, Look(1))]));
        Assert.Single(boxes);

        var store = Grains.GetGrain<IStoreGrain>(LivenessCluster.TrafficStore);
        Assert.Equal(1, (await store.GetTraffic()).Entries);
        Assert.Equal(1, (await store.GetTraffic()).UniqueVisitors);
        await Eventually.Get(() => Grains.GetGrain<IRegionGrain>("TEST").GetTraffic(), t => t.Entries >= 1, what: "the region's entries");
        await Eventually.Get(() => Grains.GetGrain<IHqGrain>(IHqGrain.Key).GetTraffic(), t => t.Entries >= 1, what: "head office's entries");

        await using var connection = await fixture.Database.Database.Open();
        await Eventually.Get(() => connection.ExecuteScalarAsync<int>(
                "SELECT coalesce(sum(entries), 0) FROM traffic_hourly WHERE store_code = @store", new { store = LivenessCluster.TrafficStore }),
            n => n == 1, within: TimeSpan.FromSeconds(15), what: "the hourly row");

        await store.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(500);
        Assert.Equal(1, (await Grains.GetGrain<IStoreGrain>(LivenessCluster.TrafficStore).GetTraffic()).Entries);

        // The same person comes back a minute later: the reactivated store still knows her, so it is a repeat.
        var back = now.AddMinutes(1);
        i = 0;
        foreach (var x in Walk(100, 560, 8))
            await camera.FrameAnalysed(new AnalysedFrame(100 + i, back.AddSeconds(i++), Width, Height, [At(x, 400, Look(1))]));
        var after = await Grains.GetGrain<IStoreGrain>(LivenessCluster.TrafficStore).GetTraffic();
        Assert.Equal(2, after.Entries);
        Assert.Equal(1, after.UniqueVisitors);
        Assert.Equal(1, after.Repeats);
    }
}
