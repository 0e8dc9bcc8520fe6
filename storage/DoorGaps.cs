using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// The store-days a door camera could not count for a spell of the store's opening hours — offline, or a view fault
/// (blocked by a banner, moved, frozen …). Such a day's entries are short by whoever came in meanwhile, so 门店对标 leaves
/// it out of a store's entries a day: a store whose door camera lost its network at noon is "partly counted", not "below
/// its peers" or "dropping", and it does not pull its peers' average down.
/// </summary>
public static class DoorGaps
{
    /// <summary>More than a tenth of the day blind (over an hour of a 12-hour day) and its count is short enough to mislead.</summary>
    public const double MaxBlindShare = 0.1;

    /// <summary>A door camera's incident (any kind), its store's hours and clock.</summary>
    public sealed record Outage(string StoreCode, DateTime StartedUtc, DateTime? EndedUtc, OpeningHours Hours, TimeZoneInfo Zone);

    /// <summary>
    /// Each store-local date from <paramref name="from"/> to <paramref name="to"/> on which the store's door cameras were
    /// blind for more than <paramref name="maxBlindShare"/> of its open time (up to now, for today): an outage overnight
    /// in a closed store costs no count.
    /// </summary>
    public static IReadOnlyList<(string Store, DateOnly Day)> Days(IEnumerable<Outage> outages, DateOnly from, DateOnly to, DateTime nowUtc,
        double maxBlindShare)
    {
        var days = new List<(string, DateOnly)>();
        foreach (var store in outages.GroupBy(o => o.StoreCode))
        {
            var (hours, zone) = (store.First().Hours, store.First().Zone);
            var spans = store.Select(o => (o.StartedUtc, End: o.EndedUtc ?? nowUtc)).ToList();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (hours.SpanOn(day) is not { } local) continue;
                var (start, end) = (StoreTimeZones.ToUtc(local.Open, zone), Earlier(StoreTimeZones.ToUtc(local.Close, zone), nowUtc));
                if (end > start && MinutesCovered(spans, start, end) > maxBlindShare * (end - start).TotalMinutes) days.Add((store.Key, day));
            }
        }
        return days;
    }

    /// <summary>Minutes of [<paramref name="start"/>, <paramref name="end"/>) during any of the spans, overlapping ones counted once.</summary>
    public static double MinutesCovered(IEnumerable<(DateTime Start, DateTime End)> spans, DateTime start, DateTime end)
    {
        var covered = 0.0;
        var reached = start;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            DateTime from = span.Start > reached ? span.Start : reached, to = Earlier(span.End, end);
            if (to <= from) continue;
            covered += (to - from).TotalMinutes;
            reached = to;
        }
        return covered;
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
