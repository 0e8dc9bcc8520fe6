using Orleans.Core.Internal;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Testing;

namespace SmartStore.Grains.Tests;

/// <summary>A fixed camera's view faults: raised after a few checks in a row, cleared after as many clear ones.</summary>
[Collection(LivenessCollection.Name)]
public sealed class ViewHealthTests(LivenessCluster fixture)
{
    private static readonly DateTime Start = DateTime.UtcNow.AddHours(-1);
    private static ViewCheck Check(int minute, params ViewFault[] tripped) =>
        new(minute, Start.AddMinutes(minute), tripped.Select(f => new ViewFinding(f, $"{f} at minute {minute}", new List<double> { minute / 100.0 })).ToList());

    [Fact]
    public void A_fault_is_raised_after_three_checks_in_a_row_and_cleared_after_three_clear_ones()
    {
        var health = new ViewHealth(new ViewHealthOptions(), []);
        // A shopper's bag against the lens for two snapshots is not an alarm.
        Assert.False(health.Observe(Check(1, ViewFault.Blocked)));
        Assert.False(health.Observe(Check(2, ViewFault.Blocked)));
        Assert.False(health.Observe(Check(3)));
        Assert.Empty(health.Active);
        // A banner: three in a row raise it, dated from the first of them, with the latest evidence.
        Assert.False(health.Observe(Check(4, ViewFault.Blocked)));
        Assert.False(health.Observe(Check(5, ViewFault.Blocked, ViewFault.TooDark)));
        Assert.True(health.Observe(Check(6, ViewFault.Blocked)));
        var raised = Assert.Single(health.Active);
        Assert.Equal((ViewFault.Blocked, Start.AddMinutes(4), 6L), (raised.Fault, raised.SinceUtc, raised.SnapshotId));
        Assert.False(health.Observe(Check(7, ViewFault.Blocked)));
        var latest = Assert.Single(health.Active);
        Assert.Equal("Blocked at minute 7", latest.Evidence);
        Assert.Equal(new[] { 0.07 }, latest.Figures!);
        // An older check arriving late changes nothing; one clear check among faulty ones does not clear it.
        Assert.False(health.Observe(Check(2)));
        Assert.False(health.Observe(Check(8)));
        Assert.False(health.Observe(Check(9, ViewFault.Blocked)));
        Assert.False(health.Observe(Check(10)));
        Assert.False(health.Observe(Check(11)));
        Assert.True(health.Observe(Check(12)));
        Assert.Empty(health.Active);
    }

    [Fact]
    public void The_same_picture_uploaded_again_three_times_in_a_row_is_frozen_until_another_picture_comes()
    {
        var health = new ViewHealth(new ViewHealthOptions(), []);
        DateTime At(int second) => Start.AddSeconds(second);
        Assert.False(health.Uploaded(10, duplicate: false, At(0)));
        // An FTP client retrying once, and a camera re-sending older pictures (its backlog), are not a stuck picture.
        Assert.False(health.Uploaded(10, duplicate: true, At(1)));
        Assert.False(health.Uploaded(11, duplicate: false, At(2)));
        Assert.False(health.Uploaded(10, duplicate: true, At(3)));
        Assert.False(health.Uploaded(11, duplicate: true, At(4)));
        Assert.False(health.Uploaded(10, duplicate: true, At(5)));
        Assert.Empty(health.Active);
        // A hung encoder: its last picture again and again.
        Assert.False(health.Uploaded(12, duplicate: false, At(6)));
        Assert.False(health.Uploaded(12, duplicate: true, At(7)));
        Assert.False(health.Uploaded(12, duplicate: true, At(8)));
        Assert.True(health.Uploaded(12, duplicate: true, At(9)));
        var frozen = Assert.Single(health.Active);
        Assert.Equal((ViewFault.Frozen, At(7), 12L), (frozen.Fault, frozen.SinceUtc, frozen.SnapshotId));
        Assert.Contains("uploaded again 3 times in a row", frozen.Evidence);
        Assert.Equal(new double[] { 12, 3 }, frozen.Figures!); // the picture and the repeats, for the page to say in its language
        // The worker's checks against the reference view do not judge it: clear ones leave it raised.
        for (var minute = 1; minute <= 4; minute++) Assert.False(health.Observe(Check(minute)));
        Assert.False(health.Uploaded(12, duplicate: true, At(600)));
        Assert.True(health.Uploaded(13, duplicate: false, At(601)));
        Assert.Empty(health.Active);
    }

    [Fact]
    public async Task The_camera_grain_raises_a_fault_in_its_status_keeps_it_over_a_reactivation_and_clears_it_on_a_new_reference()
    {
        var camera = fixture.Cluster.GrainFactory.GetGrain<ICameraGrain>(LivenessCluster.SpareCamera);
        Assert.Empty(await camera.ViewChecked(Check(1, ViewFault.Moved)));
        Assert.Empty(await camera.ViewChecked(Check(2, ViewFault.Moved)));
        Assert.Equal([ViewFault.Moved], await camera.ViewChecked(Check(3, ViewFault.Moved))); // what it raised, for the worker
        Assert.Empty(await camera.ViewChecked(Check(4, ViewFault.Moved)));
        Assert.Equal(["moved"], (await camera.GetStatus()).Faults);
        Assert.Equal(Start.AddMinutes(1), Assert.Single(await camera.GetViewFaults()).SinceUtc);

        await camera.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Get(() => camera.GetStatus(), s => s.Faults is ["moved"], what: "the fault after reactivation");
        Assert.Equal(new[] { 0.03 }, Assert.Single(await camera.GetViewFaults()).Figures!); // kept with the fault when it was raised

        await camera.ViewReferenceTaken();
        Assert.Null((await camera.GetStatus()).Faults);
        Assert.Empty(await camera.GetViewFaults());

        // Knocked again and then back: the check that clears it reports it too (an in-store camera re-learns its scene).
        for (var minute = 5; minute <= 7; minute++) await camera.ViewChecked(Check(minute, ViewFault.Moved));
        Assert.Empty(await camera.ViewChecked(Check(8)));
        Assert.Empty(await camera.ViewChecked(Check(9)));
        Assert.Equal([ViewFault.Moved], await camera.ViewChecked(Check(10)));
        Assert.Null((await camera.GetStatus()).Faults);
    }

    [Fact]
    public async Task A_closed_stores_dark_view_is_not_a_fault()
    {
        var camera = fixture.Cluster.GrainFactory.GetGrain<ICameraGrain>(LivenessCluster.ClosedCamera);
        for (var minute = 1; minute <= 5; minute++) await camera.ViewChecked(Check(minute, ViewFault.TooDark));
        Assert.Null((await camera.GetStatus()).Faults);
    }
}
