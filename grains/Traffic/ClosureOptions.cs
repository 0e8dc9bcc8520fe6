namespace SmartStore.Grains.Traffic;

/// <summary>When a store looks closed during its opening hours. Bound from configuration section "Closure".</summary>
public sealed record ClosureOptions
{
    /// <summary>
    /// How unlikely "nobody came in" must be before the store looks closed: 0.00001 = one chance in 100,000 that an open
    /// store would see that many pass and none enter. A day holds many quiet spells, each a new chance of a false alarm,
    /// and an hour's entry rate is not the day's: at 0.01 a third of simulated normal days raised one, at 0.0001 1.2 % of
    /// days whose hourly rate swings ±75 % (`bench closure`).
    /// </summary>
    public double Chance { get; init; } = 0.00001;

    /// <summary>
    /// The share of the day's entry rate the chance is worked out at: an hour's rate swings around the day's (lunch,
    /// after work), and a quiet spell in a slow hour should not read as a shut door. 0.5 = as if half as many came in.
    /// </summary>
    public double RateShare { get; init; } = 0.5;

    /// <summary>The shortest spell without a customer judged at all: a slow quarter of an hour is not a shut door.</summary>
    public TimeSpan MinQuiet { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Customer entries earlier that day before the day's entry rate is trusted as the store's.</summary>
    public int MinEntriesToday { get; init; } = 10;
}
