using Dapper;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Grains.Tests.Shelves;

/// <summary>The store grain's shelf snapshot on real PostgreSQL: the plan comes from the planograms of the store's cameras.</summary>
[Collection(LivenessCollection.Name)]
public sealed class StoreShelfGrainTests(LivenessCluster fixture)
{
    [Fact]
    public async Task A_slot_seen_by_two_domes_counts_once_and_compliance_follows_the_latest_trusted_reading()
    {
        var planograms = new PlanogramRepository(fixture.Database.Database);
        // Two presets (two domes' views) share slot "S1"; "S2" only in the first.
        await planograms.Save(LivenessCluster.ShelfCameraA, 1, [0xFF, 0xD8, 0xFF, 0xD9], 100, 100,
            [new PlanogramSlot("S1", "SKU-A", 0, 0, 50, 50), new PlanogramSlot("S2", "SKU-B", 50, 0, 50, 50)], "test");
        await planograms.Save(LivenessCluster.ShelfCameraB, 1, [0xFF, 0xD8, 0xFF, 0xD9], 100, 100,
            [new PlanogramSlot("S1", "SKU-A", 10, 10, 50, 50)], "test");
        var store = fixture.Cluster.GrainFactory.GetGrain<IStoreGrain>(LivenessCluster.ShelfStore);
        await store.PlanChanged();

        var t = DateTime.UtcNow.AddMinutes(-5);
        await store.ShelfObserved([
            new SlotObservation("S1", LivenessCluster.ShelfCameraA, 1, 1, t, SlotState.Sku, "SKU-A", 0.9f),
            new SlotObservation("S2", LivenessCluster.ShelfCameraA, 1, 1, t, SlotState.Sku, "SKU-C", 0.9f)]);
        var both = await store.ShelfObserved([new SlotObservation("S1", LivenessCluster.ShelfCameraB, 1, 2, t.AddSeconds(30), SlotState.Sku, "SKU-A", 0.8f)]);

        Assert.Equal(2, both.Figures.PlannedSlots);
        Assert.Equal(2, both.Figures.ObservedSlots);
        Assert.Equal(1, both.Figures.FacingsBySku["SKU-A"]);
        Assert.Equal(0.5, both.Figures.ComplianceRate);

        // A later low-confidence reading does not overturn a fresh trusted one.
        var doubtful = await store.ShelfObserved([new SlotObservation("S1", LivenessCluster.ShelfCameraA, 1, 3, t.AddMinutes(1), SlotState.Empty, null, 0.05f)]);
        Assert.Equal(0.5, doubtful.Figures.ComplianceRate);
        Assert.Contains(doubtful.Alerts, a => a.Kind == ShelfAlert.ComplianceLow);

        // The board's one call per store carries the same compliance.
        Assert.Equal(0.5, (await store.GetSummary()).Compliance);

        // Low since the first patrol, the alert was written for the chain's webhooks once, with its figure.
        await using var connection = await fixture.Database.Database.Open();
        Assert.Equal([("compliance-low", "1/2")], await connection.QueryAsync<(string, string)>(
            "SELECT detail, figure FROM alert_events WHERE store_code = @store AND kind = 'shelf-alert'", new { store = LivenessCluster.ShelfStore }));

        // S2 restocked with its planned SKU: compliance is back, and the alert's end is written once, at this patrol.
        await store.ShelfObserved([new SlotObservation("S2", LivenessCluster.ShelfCameraA, 1, 4, t.AddMinutes(2), SlotState.Sku, "SKU-B", 0.9f)]);
        await store.ShelfObserved([new SlotObservation("S1", LivenessCluster.ShelfCameraB, 1, 5, t.AddMinutes(3), SlotState.Sku, "SKU-A", 0.9f)]);
        Assert.Equal(["compliance-low"], await connection.QueryAsync<string>(
            "SELECT detail FROM alert_events WHERE store_code = @store AND kind = 'shelf-alert-cleared'", new { store = LivenessCluster.ShelfStore }));

        // S2 empty on three patrols (10 minutes apart): out of stock. The planner then takes S2 out of the plan; its alert ends, and says that
        // the plan changed, not the shelf (the compliance alert its emptiness raised ends with no such word).
        for (var i = 0; i < 3; i++)
            await store.ShelfObserved([new SlotObservation("S2", LivenessCluster.ShelfCameraA, 1, 6 + i, t.AddMinutes(4 + 10 * i), SlotState.Empty, null, 0.9f)]);
        Assert.Contains((await store.GetShelf()).Alerts, a => a.Key == "out-of-stock:S2");
        await planograms.Save(LivenessCluster.ShelfCameraA, 1, [0xFF, 0xD8, 0xFF, 0xD9], 100, 100, [new PlanogramSlot("S1", "SKU-A", 0, 0, 50, 50)], "test");
        await store.PlanChanged();
        await store.ShelfObserved([new SlotObservation("S1", LivenessCluster.ShelfCameraA, 1, 9, t.AddMinutes(25), SlotState.Sku, "SKU-A", 0.9f)]);
        Assert.Equal([("compliance-low", null, null), ("compliance-low", null, null), ("out-of-stock", "S2", ShelfAlertEnd.SlotLeftPlan)],
            await connection.QueryAsync<(string, string?, string?)>("""
                SELECT detail, slot_id, ended_because FROM alert_events WHERE store_code = @store AND kind = 'shelf-alert-cleared' ORDER BY id
                """, new { store = LivenessCluster.ShelfStore }));
    }

    [Fact]
    public async Task A_store_being_prepared_raises_no_shelf_alert_and_one_closed_for_good_ends_them_saying_so()
    {
        var planograms = new PlanogramRepository(fixture.Database.Database);
        await planograms.Save(LivenessCluster.ClosingDownCamera, 1, [0xFF, 0xD8, 0xFF, 0xD9], 100, 100,
            [new PlanogramSlot("S1", "SKU-A", 0, 0, 50, 50), new PlanogramSlot("S2", "SKU-B", 50, 0, 50, 50)], "test");
        var store = fixture.Cluster.GrainFactory.GetGrain<IStoreGrain>(LivenessCluster.ClosingDownStore);
        await store.PlanChanged();
        var stores = new StoreRepository(fixture.Database.Database);
        var today = StoreTimeZones.DayOf(DateTime.UtcNow, StoreTimeZones.Find("Asia/Shanghai"));
        var t = DateTime.UtcNow.AddMinutes(-5);
        IReadOnlyList<SlotObservation> Patrol(int number) => [new SlotObservation("S1", LivenessCluster.ClosingDownCamera, 1, number, t.AddSeconds(number), SlotState.Empty, null, 0.9f),
            new SlotObservation("S2", LivenessCluster.ClosingDownCamera, 1, number, t.AddSeconds(number), SlotState.Sku, "SKU-B", 0.9f)];

        // Opening in five days: its shelves are still being stocked.
        Assert.True(await stores.SetOpensOn(LivenessCluster.ClosingDownStore, today.AddDays(5), "test"));
        await store.ProfileChanged();
        Assert.Empty((await store.ShelfObserved(Patrol(1))).Alerts);
        Assert.True(await stores.SetOpensOn(LivenessCluster.ClosingDownStore, null, "test"));
        await store.ProfileChanged();
        var low = await store.ShelfObserved(Patrol(2));
        Assert.Contains(low.Alerts, a => a.Kind == ShelfAlert.ComplianceLow);

        Assert.True(await stores.SetClosedOn(LivenessCluster.ClosingDownStore, today, "test"));
        await store.ProfileChanged();

        // Ended once, saying why; its last shelf stays as history, with no alert standing and none raised by a late patrol.
        await using var connection = await fixture.Database.Database.Open();
        Assert.Equal([("compliance-low", ShelfAlertEnd.StoreClosedDown)], await connection.QueryAsync<(string, string?)>(
            "SELECT detail, ended_because FROM alert_events WHERE store_code = @store AND kind = 'shelf-alert-cleared'", new { store = LivenessCluster.ClosingDownStore }));
        var late = await store.ShelfObserved([new SlotObservation("S2", LivenessCluster.ClosingDownCamera, 1, 3, t.AddMinutes(1), SlotState.Empty, null, 0.9f)]);
        Assert.Empty(late.Alerts);
        Assert.Equal(0.0, late.Figures.ComplianceRate);
        await store.ProfileChanged();   // told again: nothing more ends
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM alert_events WHERE store_code = @store AND kind = 'shelf-alert-cleared'",
            new { store = LivenessCluster.ClosingDownStore }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM alert_events WHERE store_code = @store AND kind = 'shelf-alert'", new { store = LivenessCluster.ClosingDownStore }));
    }
}
