using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>The running counts of one store-local hour; mutable inside the store grain, written out as a <see cref="TrafficHour"/>.</summary>
public sealed class HourTally(DateTime hourLocal, DateTime hourUtc)
{
    public DateTime HourLocal { get; } = hourLocal;
    public DateTime HourUtc { get; } = hourUtc;
    public int Entries, Exits, PassersBy, Unique, Repeats, Staff, MaxOccupancy, OccupancySamples, DwellCount, OffHoursEntries, OffHoursPassersBy, OffHoursExits;
    public double OccupancySum, DwellSeconds;
    public int[] DwellBuckets { get; } = new int[TrafficHour.DwellBucketUpperMinutes.Length];
    public Dictionary<string, int> Demographics { get; } = new();

    public static HourTally From(TrafficHour hour)
    {
        var c = hour.Counters;
        var tally = new HourTally(hour.HourLocal, hour.HourUtc)
        {
            Entries = c.Entries, Exits = c.Exits, PassersBy = c.PassersBy, Unique = c.UniqueVisitors, Repeats = c.Repeats,
            Staff = c.Staff, MaxOccupancy = c.MaxOccupancy, OccupancySamples = hour.OccupancySamples, OccupancySum = hour.OccupancySum,
            DwellCount = c.DwellCount, DwellSeconds = c.DwellSecondsTotal, OffHoursEntries = c.OffHoursEntries, OffHoursPassersBy = c.OffHoursPassersBy,
            OffHoursExits = c.OffHoursExits,
        };
        for (var i = 0; i < Math.Min(tally.DwellBuckets.Length, hour.DwellBuckets.Count); i++) tally.DwellBuckets[i] = hour.DwellBuckets[i];
        foreach (var (key, count) in hour.Demographics) tally.Demographics[key] = count;
        return tally;
    }

    public void AddDwell(TimeSpan dwell)
    {
        DwellCount++;
        DwellSeconds += dwell.TotalSeconds;
        var bucket = Array.FindIndex(TrafficHour.DwellBucketUpperMinutes, upper => dwell.TotalMinutes < upper);
        DwellBuckets[bucket < 0 ? DwellBuckets.Length - 1 : bucket]++;
    }

    public void AddOccupancy(int people)
    {
        OccupancySum += people;
        OccupancySamples++;
        MaxOccupancy = Math.Max(MaxOccupancy, people);
    }

    public void AddDemographics(string? ageBand, string? gender, int delta)
    {
        Bump($"age:{ageBand ?? "unknown"}", delta);
        Bump($"gender:{gender ?? "unknown"}", delta);
    }

    private void Bump(string key, int delta) => Demographics[key] = Demographics.GetValueOrDefault(key) + delta;

    public TrafficCounters Counters() => new(
        Entries, Exits, PassersBy, Unique, Repeats, Staff,
        OccupancySamples == 0 ? 0 : (int)Math.Round(OccupancySum / OccupancySamples),
        MaxOccupancy, DwellSeconds, DwellCount, OffHoursEntries, OffHoursPassersBy, OffHoursExits);

    public TrafficHour ToHour(string storeCode) =>
        new(storeCode, HourLocal, HourUtc, Counters(), OccupancySum, OccupancySamples, DwellBuckets.ToArray(), new Dictionary<string, int>(Demographics));
}
