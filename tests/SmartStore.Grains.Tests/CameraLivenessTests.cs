using Dapper;
using Orleans.Core.Internal;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Testing;

namespace SmartStore.Grains.Tests;

[Collection(LivenessCollection.Name)]
public sealed class CameraLivenessTests(LivenessCluster fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Heartbeat_marks_camera_online_then_silence_during_opening_hours_marks_it_offline()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.OpenCamera);

        var online = await camera.Heartbeat(new Heartbeat(DateTime.UtcNow, "V5.7.3"));
        Assert.True(online.Online);
        Assert.Equal(LivenessCluster.OpenStore, online.StoreCode);
        Assert.Equal("TEST", online.RegionCode);

        var offline = await Eventually.Get(camera.GetStatus, s => !s.Online, what: "the camera to go offline");
        Assert.True(offline.ChangedUtc > online.ChangedUtc);

        // The store, its region and HQ follow the camera.
        var storeCameras = await Grains.GetGrain<IStoreGrain>(LivenessCluster.OpenStore).GetCameras();
        Assert.False(storeCameras.Single(c => c.CameraCode == LivenessCluster.OpenCamera).Online);

        var back = await camera.Heartbeat(new Heartbeat(DateTime.UtcNow));
        Assert.True(back.Online);
        var counts = await Eventually.Get(() => Grains.GetGrain<IRegionGrain>("TEST").GetCameraCounts(), c => c.Online >= 1, what: "the region to count the camera online");
        Assert.True(counts.Online >= 1);

        // The outage is kept: from the last heartbeat before the silence to the heartbeat that ended it.
        var incidents = new SmartStore.Storage.CameraIncidents(fixture.Database.Database);
        var outage = (await incidents.Recent(LivenessCluster.OpenCamera, 10)).First(i => i.Kind == "offline");
        Assert.Equal(online.LastSeenUtc!.Value, outage.StartedUtc, TimeSpan.FromMilliseconds(1));
        Assert.Equal(back.LastSeenUtc!.Value, outage.EndedUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True((await incidents.Offline(LivenessCluster.OpenCamera, DateTime.UtcNow.AddDays(-7), DateTime.UtcNow)).Total >= TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Silence_while_the_store_is_closed_does_not_mark_a_camera_offline()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.ClosedCamera);
        await camera.Heartbeat(new Heartbeat(DateTime.UtcNow));

        // Well past OfflineAfter (1.5 s) with the check running every 250 ms.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True((await camera.GetStatus()).Online);
    }

    [Fact]
    public async Task A_store_that_changes_its_opening_hours_has_its_cameras_follow_the_new_hours()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.ReopeningCamera);
        await camera.Heartbeat(new Heartbeat(DateTime.UtcNow));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.True((await camera.GetStatus()).Online);

        // The store now opens round the clock: the silent camera is an outage.
        var stores = new SmartStore.Storage.StoreRepository(fixture.Database.Database);
        var store = (await stores.Find(LivenessCluster.ReopeningStore))!;
        Assert.Equal(SmartStore.Storage.Saving.Saved, (await stores.Update(store with { OpeningHours = OpeningHours.AlwaysOpen }, "test")).Outcome);
        await Grains.GetGrain<IStoreGrain>(LivenessCluster.ReopeningStore).ProfileChanged();

        var offline = await Eventually.Get(camera.GetStatus, s => !s.Online, what: "the camera to go offline under the new hours");
        Assert.Equal(LivenessCluster.ReopeningStore, offline.StoreCode);
    }

    [Fact]
    public async Task Persisted_state_survives_deactivation()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.SpareCamera);
        var beat = await camera.Heartbeat(new Heartbeat(DateTime.UtcNow, "firmware-1"));

        await camera.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        // Give the silo time to finish the deactivation; the next call activates afresh from storage.
        await Task.Delay(500);

        var reloaded = await Grains.GetGrain<ICameraGrain>(LivenessCluster.SpareCamera).GetStatus();
        Assert.Equal(beat.ChangedUtc, reloaded.ChangedUtc);
        Assert.Equal(LivenessCluster.SpareCamera, reloaded.CameraCode);

        await using var connection = await fixture.Database.Database.Open();
        var rows = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_type = 'camera' AND grain_id_extension = @code AND payload IS NOT NULL",
            new { code = LivenessCluster.SpareCamera });
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Rebinding_a_camera_moves_it_from_the_old_store_to_the_new_one()
    {
        var camera = Grains.GetGrain<ICameraGrain>(LivenessCluster.MovingCamera);
        await camera.Heartbeat(new Heartbeat(DateTime.UtcNow));
        Assert.Contains(await Grains.GetGrain<IStoreGrain>(LivenessCluster.OpenStore).GetCameras(), c => c.CameraCode == LivenessCluster.MovingCamera);

        await new SmartStore.Storage.CameraRepository(fixture.Database.Database).Update(
            new Camera(LivenessCluster.MovingCamera, CameraKind.Entrance, "", "", LivenessCluster.ClosedStore, 1, []), "test");
        await camera.RefreshProfile();

        Assert.DoesNotContain(await Grains.GetGrain<IStoreGrain>(LivenessCluster.OpenStore).GetCameras(), c => c.CameraCode == LivenessCluster.MovingCamera);
        Assert.Contains(await Grains.GetGrain<IStoreGrain>(LivenessCluster.ClosedStore).GetCameras(), c => c.CameraCode == LivenessCluster.MovingCamera);
    }
}
