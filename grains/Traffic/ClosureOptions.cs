namespace SmartStore.Grains.Traffic;

/// <summary>When a store looks closed during its opening hours. Bound from configuration section "Closure".</summary>
public sealed record ClosureOptions
{
    /// <summary>
    /// How unlikely "nobody came in" must be, at the share of passers-by who came in earlier that day, before the store
    /// looks closed: 0.01 = under one chance in a hundred that an open store would see that many pass and none enter.
    /// </summary>
    public double Chance { get; init; } = 0.01;

    /// <summary>The shortest spell without a customer judged at all: a slow quarter of an hour is not a shut door.</summary>
    public TimeSpan MinQuiet { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Customer entries earlier that day before the day's entry rate is trusted as the store's.</summary>
    public int MinEntriesToday { get; init; } = 10;
}
