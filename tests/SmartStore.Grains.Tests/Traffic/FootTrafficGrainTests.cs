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

    [Fact]
    public async Task When_the_camera_goes_quiet_its_last_tracks_end_the_crossing_in_view_counts_and_the_passer_by_too()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.QuietDoorCamera);
        var now = DateTime.UtcNow;
        // One person steps over the line in the very last frame; another walks past outside. Then nothing comes.
        float[] xs = [200, 240, 280, 300, 340];
        for (var i = 0; i < xs.Length; i++)
        {
            var id = 1000 + i;
            await camera.SnapshotAccepted(new SnapshotReceipt(id, $"F{i}.jpg", now.AddSeconds(i), DateTime.UtcNow, false, "ftp"));
            await camera.FrameAnalysed(new AnalysedFrame(id, now.AddSeconds(i), Width, Height,
                [At(xs[i], 400, Look(7)), At(100, 150 + 40 * i, Look(8))]));
        }
        var store = Grains.GetGrain<IStoreGrain>(LivenessCluster.QuietStore);
        Assert.Equal(0, (await store.GetTraffic()).Entries);

        var quiet = await Eventually.Get(() => store.GetTraffic(), t => t.Entries == 1 && t.PassersBy == 1,
            within: TimeSpan.FromSeconds(10), what: "the entry and the passer-by once the camera is quiet");
        Assert.Equal(1, quiet.UniqueVisitors);
    }

    [Fact]
    public async Task An_in_store_camera_reports_people_fused_over_frames_and_its_last_frames_once_it_is_quiet()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.InteriorCamera);
        var now = DateTime.UtcNow;
        PersonSighting[] three = [At(100, 300), At(300, 300), At(500, 300)];
        // The detector misses all three people in the third frame (a glare); they stand where they stood.
        PersonSighting[][] frames = [three, three, [], three];
        for (var i = 0; i < frames.Length; i++)
        {
            var id = 2000 + i;
            await camera.SnapshotAccepted(new SnapshotReceipt(id, $"I{i}.jpg", now.AddSeconds(i), DateTime.UtcNow, false, "ftp"));
            await camera.FrameAnalysed(new AnalysedFrame(id, now.AddSeconds(i), Width, Height, frames[i]));
        }

        // Every frame counted 3 (not 3, 3, 0, 3), the last two once the camera has been quiet for the headcount's gap.
        await using var connection = await fixture.Database.Database.Open();
        var (sum, samples) = await Eventually.Get(() => connection.QuerySingleAsync<(double, long)>(
                "SELECT coalesce(sum(occupancy_sum), 0), coalesce(sum(occupancy_samples), 0) FROM traffic_hourly WHERE store_code = @store",
                new { store = LivenessCluster.HeadcountStore }),
            r => r.Item2 >= 4, within: TimeSpan.FromSeconds(15), what: "four occupancy samples in the hourly rows");
        Assert.Equal(4, samples);
        Assert.Equal(12, sum);
        Assert.Equal(3, (await Grains.GetGrain<IStoreGrain>(LivenessCluster.HeadcountStore).GetTraffic()).Occupancy);
    }

    [Fact]
    public async Task A_head_count_the_store_did_not_take_is_delivered_with_the_next_frame_not_lost()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.RefusedInteriorCamera);
        var now = DateTime.UtcNow;
        PersonSighting[] two = [At(100, 300), At(300, 300)];
        RefusingStore.Refusals = 1;
        var refused = 0;
        for (var i = 0; i < 5; i++)
        {
            var frame = new AnalysedFrame(3000 + i, now.AddSeconds(i), Width, Height, two);
            try
            {
                await camera.FrameAnalysed(frame);
            }
            catch (TimeoutException)
            {
                // As the worker does: the snapshot is tried again; the frame itself is not counted twice.
                refused++;
                await camera.FrameAnalysed(frame);
            }
        }
        Assert.Equal(1, refused);

        // Five frames, five samples of two people: the refused count went with the retry.
        await using var connection = await fixture.Database.Database.Open();
        var (sum, samples) = await Eventually.Get(() => connection.QuerySingleAsync<(double, long)>(
                "SELECT coalesce(sum(occupancy_sum), 0), coalesce(sum(occupancy_samples), 0) FROM traffic_hourly WHERE store_code = @store",
                new { store = LivenessCluster.RefusingHeadcountStore }),
            r => r.Item2 >= 5, within: TimeSpan.FromSeconds(15), what: "five occupancy samples in the hourly rows");
        Assert.Equal((10, 5), (sum, samples));
    }

    [Fact]
    public async Task An_in_store_camera_counts_only_the_people_standing_in_its_counting_area_and_follows_a_redrawn_one()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.AreaCamera);
        var store = Grains.GetGrain<IStoreGrain>(LivenessCluster.AreaStore);
        var now = DateTime.UtcNow;
        // Two people on the shop floor (left half), one beyond it (seen through the window on the right).
        PersonSighting[] view = [At(100, 300), At(250, 400), At(500, 300)];
        IReadOnlyList<TrackedBox> boxes = [];
        for (var i = 0; i < 3; i++)
            boxes = await camera.FrameAnalysed(new AnalysedFrame(3000 + i, now.AddSeconds(i), Width, Height, view));
        Assert.Equal([true, true, false], boxes.Select(b => b.Counted));
        Assert.Equal(2, (await store.GetTraffic()).Occupancy);

        // The area is cleared (the whole view counts) and the camera grain is told, as the camera page does.
        await new SmartStore.Storage.CameraRepository(fixture.Database.Database).SetCountingArea(LivenessCluster.AreaCamera, null, "test");
        await camera.RefreshProfile();
        for (var i = 3; i < 6; i++)
            boxes = await camera.FrameAnalysed(new AnalysedFrame(3000 + i, now.AddSeconds(i), Width, Height, view));
        Assert.All(boxes, b => Assert.True(b.Counted));
        Assert.Equal(3, (await store.GetTraffic()).Occupancy);
    }

    [Fact]
    public async Task A_camera_with_frames_still_waiting_for_analysis_is_not_quiet()
    {
        var flow = new SmartStore.Grains.Traffic.EntranceFeedProgress().Uploaded(7, Start).Analysed(5, Start);
        Assert.False(flow.QuietFor(TimeSpan.FromSeconds(2.5), Start.AddMinutes(4)));
        // Snapshot 7 may have failed analysis for good: after the longest wait the camera counts as quiet anyway.
        Assert.True(flow.QuietFor(TimeSpan.FromSeconds(2.5), Start.AddMinutes(5.1)));
        flow = flow.Analysed(7, Start.AddMinutes(5));
        Assert.False(flow.QuietFor(TimeSpan.FromSeconds(2.5), Start.AddMinutes(5).AddSeconds(2)));
        Assert.True(flow.QuietFor(TimeSpan.FromSeconds(2.5), Start.AddMinutes(5).AddSeconds(3)));
    }
}
