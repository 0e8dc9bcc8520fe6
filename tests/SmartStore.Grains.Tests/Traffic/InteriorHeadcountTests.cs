using SmartStore.Grains.Traffic;
using SmartStore.Models;
using static SmartStore.Grains.Tests.Traffic.TrafficScenes;

namespace SmartStore.Grains.Tests.Traffic;

public sealed class InteriorHeadcountTests
{
    private static readonly HeadcountOptions Defaults = new();

    private static PersonSighting Box(float x) => new(x, 100, x + 40, 200, 0.9f, null);

    private static List<int> Play(HeadcountOptions options, IReadOnlyList<PersonSighting[]> frames, int secondsApart = 1)
    {
        var headcount = new InteriorHeadcount(options);
        var counts = new List<int>();
        for (var i = 0; i < frames.Count; i++) counts.AddRange(headcount.Add(Start.AddSeconds(i * secondsApart), frames[i]).Select(c => c.People));
        counts.AddRange(headcount.Finish().Select(c => c.People));
        return counts;
    }

    [Fact]
    public void A_person_seen_before_and_after_at_the_same_place_is_counted_in_the_frame_that_missed_them()
    {
        // A stands still and is missed in frame 1; B walks out of view after frame 1; C appears in frame 2 only.
        PersonSighting[][] frames = [[Box(100), Box(300)], [Box(310)], [Box(102), Box(500)]];
        Assert.Equal([2, 2, 2], Play(Defaults with { Window = 1 }, frames));
        // Nobody at A's place after frame 1: B left, so frame 1 keeps its own count.
        frames[2] = [Box(500)];
        Assert.Equal([2, 1, 1], Play(Defaults with { Window = 1 }, frames));
    }

    [Fact]
    public void The_median_keeps_a_person_missed_in_one_frame_even_where_they_moved()
    {
        // Four people; one is lost behind a pillar in frame 2 while walking (no box at the same place before and after).
        PersonSighting[] four = [Box(0), Box(100), Box(200), Box(300)];
        PersonSighting[][] frames = [four, four, [Box(0), Box(100), Box(200)], [Box(0), Box(100), Box(200), Box(420)], four];
        Assert.Equal([4, 4, 4, 4, 4], Play(Defaults, frames));
        Assert.Equal([4, 4, 3, 4, 4], Play(Defaults with { Window = 1, FillGaps = false }, frames));
    }

    [Fact]
    public void A_frame_is_counted_once_the_two_frames_after_it_have_arrived()
    {
        var headcount = new InteriorHeadcount(Defaults);
        Assert.Empty(headcount.Add(Start, [Box(0)]));
        Assert.Empty(headcount.Add(Start.AddSeconds(1), [Box(0)]));
        var first = Assert.Single(headcount.Add(Start.AddSeconds(2), [Box(0)]));
        Assert.Equal(new Headcount(Start, 1), first);
        Assert.Equal(2, headcount.Waiting);
        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(2)], headcount.Finish().Select(c => c.AtUtc));
        Assert.Equal(0, headcount.Waiting);
    }

    [Fact]
    public void Frames_across_a_long_gap_are_not_fused_and_a_frame_seen_again_is_ignored()
    {
        var headcount = new InteriorHeadcount(Defaults with { MaxGap = TimeSpan.FromMinutes(2) });
        headcount.Add(Start, [Box(0), Box(100)]);
        headcount.Add(Start.AddSeconds(10), [Box(0), Box(100)]);
        // The camera was off for an hour: the first run is counted out as it stood; nobody is carried across.
        var counted = headcount.Add(Start.AddHours(1), []);
        Assert.Equal([2, 2], counted.Select(c => c.People));
        Assert.Empty(headcount.Add(Start.AddHours(1), [Box(0)]));
        Assert.Empty(headcount.Add(Start.AddMinutes(30), [Box(0)]));
        Assert.Equal([0], headcount.Finish().Select(c => c.People));
        // Analysed again after its run was counted out (a worker that stopped before marking it done): still old.
        Assert.Empty(headcount.Add(Start.AddHours(1), [Box(0)]));
        Assert.Equal(0, headcount.Waiting);
    }

    [Fact]
    public void A_long_sequence_counted_as_it_arrives_matches_the_whole_sequence_counted_at_once()
    {
        var random = new Random(7);
        var frames = Enumerable.Range(0, 200).Select(_ =>
            Enumerable.Range(0, 8).Where(_ => random.NextDouble() < 0.6).Select(slot => Box(slot * 60 + random.Next(0, 8))).ToArray()).ToList();
        foreach (var window in new[] { 1, 3, 5 })
            Assert.Equal(WholeSequence(frames, window), Play(Defaults with { Window = window }, frames));
    }

    /// <summary>The recipe on the whole sequence at once: gaps filled between the ends, then a centred median cut at the ends.</summary>
    private static List<int> WholeSequence(List<PersonSighting[]> frames, int window)
    {
        var last = frames.Count - 1;
        var filled = frames.Select((frame, t) => t == 0 || t == last ? frame.Length
            : frame.Length + frames[t - 1].Count(b => !frame.Any(o => Overlap(o, b)) && frames[t + 1].Any(o => Overlap(o, b)))).ToList();
        var fused = new List<int>();
        for (var i = 0; i <= last; i++)
        {
            var around = filled[Math.Max(0, i - window / 2)..(Math.Min(last, i + window / 2) + 1)];
            around.Sort();
            fused.Add(around[around.Count / 2]);
        }
        return fused;
    }

    private static bool Overlap(PersonSighting a, PersonSighting b)
    {
        var iw = Math.Max(0, Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1));
        var ih = Math.Max(0, Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1));
        var inter = iw * ih;
        return inter / ((a.X2 - a.X1) * (a.Y2 - a.Y1) + (b.X2 - b.X1) * (b.Y2 - b.Y1) - inter) >= 0.3f;
    }
}
