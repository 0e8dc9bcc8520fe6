using SmartStore.Models;

namespace SmartStore.Grains.Traffic;

/// <summary>Today's foot traffic of each member (stores of a region, regions of the chain), with the local day it belongs to.</summary>
[GenerateSerializer, Alias("SmartStore.TrafficByMemberState")]
public sealed class TrafficByMemberState
{
    [Id(0)] public Dictionary<string, (DateOnly Day, TrafficCounters Today)> Members { get; set; } = new();

    /// <summary>Sum over members reporting the latest day; a member still on yesterday (time zones, or no traffic yet today) adds nothing.</summary>
    public (DateOnly Day, TrafficCounters Total) Total()
    {
        if (Members.Count == 0) return (default, TrafficCounters.Zero);
        var day = Members.Values.Max(m => m.Day);
        var total = Members.Values.Where(m => m.Day == day).Aggregate(TrafficCounters.Zero, (sum, m) => sum.Plus(m.Today));
        return (day, total);
    }
}
