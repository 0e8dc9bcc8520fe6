using SmartStore.Grains.Traffic;
using SmartStore.Models;
using static SmartStore.Grains.Tests.Traffic.TrafficScenes;

namespace SmartStore.Grains.Tests.Traffic;

public sealed class EntranceTrackerTests
{
    private static EntranceTracker Tracker() => new("CAM-T", Door);

    [Fact]
    public void A_person_walking_in_is_one_entry_and_walking_out_one_exit()
    {
        var tracker = Tracker();
        var walkIn = Play(tracker, Walk(100, 560, 8).Select(x => new[] { At(x, 400, Look(1)) }));
        var crossings = walkIn.SelectMany(f => f.Crossings).ToList();
        Assert.Single(crossings);
        Assert.Equal(CrossingDirection.In, crossings[0].Direction);
        Assert.NotNull(crossings[0].Appearance);
        Assert.Equal(0, walkIn.Sum(f => f.PassersBy));

        var walkOut = Play(Tracker(), Walk(560, 100, 8).Select(x => new[] { At(x, 400, Look(1)) }));
        Assert.Equal([CrossingDirection.Out], walkOut.SelectMany(f => f.Crossings).Select(c => c.Direction));
    }

    [Fact]
    public void A_camera_uploading_every_4_seconds_still_tracks_and_counts()
    {
        var tracker = Tracker();
        var i = 0;
        var crossings = new List<LineCrossing>();
        foreach (var x in Walk(100, 560, 6))
            crossings.AddRange(tracker.Observe(new AnalysedFrame(i, Start.AddSeconds(4 * i++), Width, Height, [At(x, 400, Look(1))])).Crossings);
        Assert.Equal([CrossingDirection.In], crossings.Select(c => c.Direction));
        Assert.Equal(TimeSpan.FromSeconds(10), tracker.MaxGap);
    }

    [Fact]
    public void When_frames_stop_a_person_in_view_just_over_the_line_is_counted_but_one_lost_earlier_is_not()
    {
        var tracker = Tracker();
        // Person 1 steps over the line in the last frame; person 2 stepped over two frames earlier and vanished.
        var frames = new[]
        {
            new[] { At(200, 420, Look(1)), At(240, 250, Look(2)) },
            [At(260, 420, Look(1)), At(300, 250, Look(2))],
            [At(280, 420, Look(1)), At(340, 250, Look(2))],
            [At(300, 420, Look(1))],
            [At(340, 420, Look(1))],
        };
        var observed = frames.Select((people, i) => tracker.Observe(Frame(i, people))).ToList();
        Assert.Empty(observed.SelectMany(f => f.Crossings));
        var personOne = observed[^1].Boxes.Single().TrackId;

        var end = tracker.FinishAll();
        var crossing = Assert.Single(end.Crossings);
        Assert.Equal(CrossingDirection.In, crossing.Direction);
        Assert.Equal(personOne, crossing.TrackId);
        Assert.Equal(Start.AddSeconds(4), crossing.AtUtc);
        Assert.False(tracker.HasTracks);
    }

    [Fact]
    public void Loitering_on_the_line_counts_nothing()
    {
        // Jitter back and forth across the line, never two frames in a row on the far side.
        float[] xs = [300, 330, 300, 330, 300, 330, 300, 310, 300];
        var frames = Play(Tracker(), xs.Select(x => new[] { At(x, 400, Look(2)) }));
        Assert.Empty(frames.SelectMany(f => f.Crossings));
    }

    [Fact]
    public void Two_people_crossing_together_count_twice_with_distinct_tracks()
    {
        var frames = Play(Tracker(), Walk(100, 560, 8).Select(x => new[] { At(x, 300, Look(3)), At(x + 10, 460, Look(4)) }));
        var crossings = frames.SelectMany(f => f.Crossings).ToList();
        Assert.Equal(2, crossings.Count);
        Assert.All(crossings, c => Assert.Equal(CrossingDirection.In, c.Direction));
        Assert.NotEqual(crossings[0].TrackId, crossings[1].TrackId);
    }

    [Fact]
    public void Someone_walking_past_outside_is_a_passer_by_not_an_entry()
    {
        // Walks down the frame on the outside half, never reaching the line.
        var frames = Play(Tracker(), Enumerable.Range(0, 6).Select(i => new[] { At(150, 200 + 50 * i, Look(5)) }));
        Assert.Empty(frames.SelectMany(f => f.Crossings));
        Assert.Equal(1, frames.Sum(f => f.PassersBy));
    }

    [Fact]
    public void Walking_round_the_end_of_the_line_is_not_a_crossing()
    {
        // The line runs from y = 96 down; crossing x = 320 above it (y = 50) passes its extension only.
        var frames = Play(Tracker(), Walk(100, 560, 8).Select(x => new[] { At(x, 50, Look(6)) }));
        Assert.Empty(frames.SelectMany(f => f.Crossings));
    }

    [Fact]
    public void Without_a_door_line_nothing_is_counted_but_tracks_are_kept()
    {
        var tracker = new EntranceTracker("CAM-T", null);
        var frames = Play(tracker, Walk(100, 560, 8).Select(x => new[] { At(x, 400, Look(1)) }));
        Assert.Empty(frames.SelectMany(f => f.Crossings));
        Assert.Single(frames[0].Boxes);
        Assert.Equal(frames[0].Boxes[0].TrackId, frames[7].Boxes[0].TrackId);
    }
}
