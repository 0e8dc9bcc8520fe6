using SmartStore.Models;
using SmartStore.Grains.Shelves;

namespace SmartStore.Grains.Tests.Shelves;

public sealed class ShelfSnapshotTests
{
    private static readonly DateTime T0 = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
    private static readonly HashSet<string> Competitors = ["RIVAL-1", "RIVAL-2"];
    private static long nextSnapshot = 1000;

    private static SlotObservation Seen(string slot, SlotState state, string? sku, double minutes, float confidence = 0.8f, string camera = "CAM-S0001-D1", long? snapshot = null) =>
        new(slot, camera, 1, snapshot ?? Interlocked.Increment(ref nextSnapshot), T0.AddMinutes(minutes), state, sku, confidence);

    private static SlotObservation Sku(string slot, string sku, double minutes, float confidence = 0.8f, string camera = "CAM-S0001-D1") =>
        Seen(slot, SlotState.Sku, sku, minutes, confidence, camera);

    private static SlotObservation Empty(string slot, double minutes, float confidence = 0.8f, string camera = "CAM-S0001-D1") =>
        Seen(slot, SlotState.Empty, null, minutes, confidence, camera);

    [Fact]
    public void ASlotSeenByTwoDomesCountsOnce()
    {
        var shelf = new ShelfSnapshot();
        Assert.Equal(ShelfUpdate.Accepted, shelf.Apply(Sku("A-1", "OWN-1", 0, camera: "CAM-S0001-D1")));
        Assert.Equal(ShelfUpdate.Accepted, shelf.Apply(Sku("A-1", "OWN-1", 1, camera: "CAM-S0001-D2")));
        shelf.Apply(Sku("A-2", "OWN-1", 1));

        var figures = shelf.Figures([new PlannedSlot("A-1", "OWN-1"), new PlannedSlot("A-2", "OWN-1")], Competitors.Contains, T0.AddMinutes(5));

        Assert.Equal(2, figures.FacingsBySku["OWN-1"]);
        Assert.Equal(2, figures.ObservedSlots);
        Assert.Equal("CAM-S0001-D2", shelf.Slots["A-1"].Current.CameraCode);
    }

    [Fact]
    public void ANewerObservationSupersedesAStaleOneAndALateOlderOneIsIgnored()
    {
        var shelf = new ShelfSnapshot();
        var first = Sku("A-1", "OWN-1", 0);
        shelf.Apply(first);
        Assert.Equal(ShelfUpdate.Duplicate, shelf.Apply(first));
        Assert.Equal(ShelfUpdate.Accepted, shelf.Apply(Sku("A-1", "RIVAL-1", 30)));
        Assert.Equal(ShelfUpdate.Older, shelf.Apply(Sku("A-1", "OWN-2", 20, camera: "CAM-S0001-D2"))); // delivered late

        Assert.Equal("RIVAL-1", shelf.Slots["A-1"].Current.Sku);
    }

    [Fact]
    public void ALowConfidenceObservationDoesNotReplaceATrustedOneUntilItIsStale()
    {
        var shelf = new ShelfSnapshot();
        var options = new ShelfSnapshotOptions { TrustedConfidence = 0.2f, Staleness = TimeSpan.FromHours(2) };
        shelf.Apply(Sku("A-1", "OWN-1", 0, confidence: 0.6f), options);

        Assert.Equal(ShelfUpdate.NotTrusted, shelf.Apply(Sku("A-1", "RIVAL-1", 60, confidence: 0.1f), options));
        Assert.Equal(ShelfUpdate.NotTrusted, shelf.Apply(Empty("A-1", 90, confidence: 0.05f), options));
        Assert.Equal("OWN-1", shelf.Slots["A-1"].Current.Sku);

        // Past the staleness window a doubtful reading is better than a stale one …
        Assert.Equal(ShelfUpdate.Accepted, shelf.Apply(Sku("A-1", "RIVAL-1", 121, confidence: 0.1f), options));
        Assert.Equal("RIVAL-1", shelf.Slots["A-1"].Current.Sku);
        // … but raises no alert: the competitor-in-own-slot list reads trusted observations only.
        var figures = shelf.Figures([new PlannedSlot("A-1", "OWN-1")], Competitors.Contains, T0.AddMinutes(125), options: options);
        Assert.Empty(figures.CompetitorInOwnSlots);
        // A doubtful reading is replaced by any newer one.
        Assert.Equal(ShelfUpdate.Accepted, shelf.Apply(Sku("A-1", "OWN-1", 130, confidence: 0.15f), options));
    }

    [Fact]
    public void An_alert_is_raised_once_while_it_stands_and_again_after_it_ended()
    {
        var shelf = new ShelfSnapshot();
        var low = new ShelfAlert(ShelfAlert.ComplianceLow, null, null, "1/2", T0, "1/2");
        var rival = new ShelfAlert(ShelfAlert.CompetitorInOwnSlot, "A-1", "RIVAL-1", "", T0, "OWN-1");
        var rivalElsewhere = rival with { SlotId = "A-2" };

        IReadOnlyList<ShelfAlert> Patrol(params ShelfAlert[] standing)
        {
            var raised = shelf.Unraised(standing);
            shelf.NoteAlerts(standing, shelf.Ended(standing, T0, TimeSpan.Zero), T0);
            return raised;
        }
        Assert.Equal([low, rival], Patrol(low, rival));
        Assert.Empty(Patrol(low with { Detail = "1/3", Figure = "1/3" }, rival));    // the same alerts, other figures
        Assert.Equal([rivalElsewhere], Patrol(low, rival, rivalElsewhere));
        Assert.Empty(Patrol(rivalElsewhere));                                         // compliance recovered, A-1 cleared
        // Raised again, but not noted (its write failed): still to raise at the next patrol.
        Assert.Equal([low], shelf.Unraised([low, rivalElsewhere]));
        Assert.Equal([low, rival], Patrol(low, rival, rivalElsewhere));
    }

    [Fact]
    public void An_alert_away_for_the_wait_at_every_patrol_is_told_ended_as_of_when_it_went_as_it_was_raised()
    {
        var shelf = new ShelfSnapshot();
        var low = new ShelfAlert(ShelfAlert.ComplianceLow, null, null, "1/2", T0, "1/2");
        var rival = new ShelfAlert(ShelfAlert.CompetitorInOwnSlot, "A-1", "RIVAL-1", "", T0, "OWN-1");
        var wait = TimeSpan.FromMinutes(30);
        IReadOnlyList<ShelfAlertEnd> Patrol(int minute, params ShelfAlert[] standing)
        {
            var at = T0.AddMinutes(minute);
            Assert.Empty(shelf.Unraised(standing));
            var ended = shelf.Ended(standing, at, wait);
            shelf.NoteAlerts(standing, ended, at);
            return ended;
        }
        shelf.NoteAlerts([low, rival], [], T0);
        Assert.Empty(Patrol(10, low with { Figure = "1/3" }, rival));
        // The competitor's pack read at A-1 on one patrol and not the next: the same alert throughout, nothing told.
        Assert.Empty(Patrol(20, low));
        Assert.Empty(Patrol(30, low, rival));
        // Gone at 40 and still at 70, 30 minutes on: ended, as of 40, as it was raised (with the SKU it was).
        Assert.Empty(Patrol(40, low));
        Assert.Equal([new ShelfAlertEnd(rival, T0.AddMinutes(40))], shelf.Ended([low], T0.AddMinutes(70), wait));
        Assert.Equal([new ShelfAlertEnd(rival, T0.AddMinutes(40))], shelf.Ended([low], T0.AddMinutes(75), wait)); // not noted (its write failed): still to tell
        shelf.NoteAlerts([low], shelf.Ended([low], T0.AddMinutes(75), wait), T0.AddMinutes(75));
        Assert.Equal([rival], shelf.Unraised([low, rival]));                                       // back after its end: raised again

        // A store grain's state kept before alerts were kept whole has their keys: they say which alert ended.
        var kept = new ShelfSnapshot { RaisedAlerts = new(["out-of-stock:B-3"], StringComparer.Ordinal) };
        var (ended, _, _) = Assert.Single(kept.Ended([], T0, TimeSpan.Zero));
        Assert.Equal((ShelfAlert.OutOfStock, "B-3", (string?)null), (ended.Kind, ended.SlotId, ended.Sku));
    }

    [Fact]
    public void An_alert_that_went_because_the_plan_changed_says_so_and_one_the_shelf_put_right_does_not()
    {
        var empty = new ShelfAlert(ShelfAlert.OutOfStock, "B-3", "ARLA-ST", "", T0, "4");
        var rival = new ShelfAlert(ShelfAlert.CompetitorInOwnSlot, "B-2", "OATLY", "", T0, "ARLA-MF");
        var low = new ShelfAlert(ShelfAlert.ComplianceLow, null, null, "", T0, "1/2");
        IReadOnlyList<PlannedSlot> plan = [new("B-2", "ARLA-MF"), new("B-3", "ARLA-ST")];
        bool Competitor(string sku) => sku == "OATLY";

        Assert.Equal([null, null, null], new[] { empty, rival, low }.Select(a => AlertEndCause.Of(a, plan, Competitor)));   // the shelf was put right
        Assert.Equal(ShelfAlertEnd.SlotLeftPlan, AlertEndCause.Of(empty, [new("B-2", "ARLA-MF")], Competitor));
        Assert.Equal(ShelfAlertEnd.Replanned, AlertEndCause.Of(empty, [new("B-3", "ARLA-LF")], Competitor));
        Assert.Equal(ShelfAlertEnd.Replanned, AlertEndCause.Of(rival, [new("B-2", "OATLY")], Competitor));   // the competitor is the plan now
        Assert.Equal(ShelfAlertEnd.NoLongerCompetitor, AlertEndCause.Of(rival, plan, _ => false));
        // Through the snapshot: the cause goes with the end it explains.
        var shelf = new ShelfSnapshot();
        shelf.NoteAlerts([empty, rival], [], T0);
        shelf.NoteAlerts([], [], T0.AddMinutes(10));                                                    // both gone at 10
        var ended = shelf.Ended([], T0.AddMinutes(40), TimeSpan.FromMinutes(30), a => AlertEndCause.Of(a, [new("B-2", "ARLA-MF")], Competitor));
        Assert.Equal([new ShelfAlertEnd(rival, T0.AddMinutes(10)), new ShelfAlertEnd(empty, T0.AddMinutes(10), ShelfAlertEnd.SlotLeftPlan)], ended);
    }

    [Fact]
    public void FiguresCoverComplianceShareOutOfStockAndCompetitorsInOwnSlots()
    {
        var shelf = new ShelfSnapshot();
        shelf.ApplyAll([
            Sku("A-1", "OWN-1", 0),
            Sku("A-2", "OWN-1", 0),
            Sku("A-3", "RIVAL-1", 0),            // planned OWN-2: a competitor in an own slot
            Empty("A-4", 0),                     // planned OWN-2: out of stock
            Seen("A-5", SlotState.Unknown, null, 0),
            Sku("B-1", "RIVAL-2", 0),            // planned RIVAL-2 (the competitor's own space): matches its plan
            Sku("OLD", "OWN-1", -2000),          // seen more than a day ago: forgotten
        ]);
        var plan = new[]
        {
            new PlannedSlot("A-1", "OWN-1"), new PlannedSlot("A-2", "OWN-2"), new PlannedSlot("A-3", "OWN-2"), new PlannedSlot("A-4", "OWN-2"),
            new PlannedSlot("A-5", "OWN-1"), new PlannedSlot("B-1", "RIVAL-2"), new PlannedSlot("C-1", "OWN-1"), new PlannedSlot("OLD", "OWN-1"),
        };

        var f = shelf.Figures(plan, Competitors.Contains, T0.AddMinutes(10));

        Assert.Equal(8, f.PlannedSlots);
        Assert.Equal(6, f.ObservedPlannedSlots); // C-1 never seen, OLD forgotten
        Assert.Equal(2, f.MatchingSlots);        // A-1, B-1
        Assert.Equal(2 / 6.0, f.ComplianceRate!.Value, 6);
        Assert.Equal(2, f.FacingsBySku["OWN-1"]);
        Assert.Equal(2, f.OwnFacings);
        Assert.Equal(2, f.CompetitorFacings);
        Assert.Equal(0.5, f.OwnShare!.Value, 6);
        Assert.Equal(1, f.UnknownSlots);
        Assert.Equal("A-4", Assert.Single(f.OutOfStock).SlotId);
        var intruder = Assert.Single(f.CompetitorInOwnSlots);
        Assert.Equal(("A-3", "OWN-2", "RIVAL-1"), (intruder.SlotId, intruder.PlannedSku, intruder.SeenSku));
    }

    [Fact]
    public void OutOfStockStreaksCountPatrolsNotDomesAndResetWhenStocked()
    {
        var shelf = new ShelfSnapshot();
        var plan = new[] { new PlannedSlot("A-1", "OWN-1") };
        // Patrol 1: both domes see it empty a minute apart; patrols 2 and 3: one dome each, 30 minutes apart.
        shelf.Apply(Empty("A-1", 0, camera: "CAM-S0001-D1"));
        shelf.Apply(Empty("A-1", 1, camera: "CAM-S0001-D2"));
        shelf.Apply(Empty("A-1", 30));
        Assert.Empty(shelf.Figures(plan, Competitors.Contains, T0.AddMinutes(31), outOfStockPatrols: 3).LongOutOfStock);
        shelf.Apply(Empty("A-1", 60, confidence: 0.05f)); // not trusted: does not count
        Assert.Empty(shelf.Figures(plan, Competitors.Contains, T0.AddMinutes(61), outOfStockPatrols: 3).LongOutOfStock);
        shelf.Apply(Empty("A-1", 90));

        var f = shelf.Figures(plan, Competitors.Contains, T0.AddMinutes(91), outOfStockPatrols: 3);
        var slot = Assert.Single(f.LongOutOfStock);
        Assert.Equal((3, T0), (slot.Patrols, slot.SinceUtc));

        shelf.Apply(Sku("A-1", "OWN-1", 120));
        shelf.Apply(Empty("A-1", 150));
        Assert.Equal(1, shelf.Slots["A-1"].EmptyPatrols);
        Assert.Equal(T0.AddMinutes(150), shelf.Slots["A-1"].EmptySinceUtc);
    }
}
