namespace SmartStore.Models;

/// <summary>
/// The counting line of an entrance camera, in frame coordinates normalised to 0..1 so it survives a change of
/// camera resolution. <see cref="InsideX"/>/<see cref="InsideY"/> is any point on the store's side of the line.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.DoorLine")]
public sealed record DoorLine(
    [property: Id(0)] float Ax,
    [property: Id(1)] float Ay,
    [property: Id(2)] float Bx,
    [property: Id(3)] float By,
    [property: Id(4)] float InsideX,
    [property: Id(5)] float InsideY)
{
    /// <summary>What <see cref="Problem"/> answers (the API's words; pages put them in the reader's language).</summary>
    public const string OutsideFrame = "coordinates must be between 0 and 1 (fractions of the frame)",
        TooShort = "the line is too short (under 2% of the frame)",
        InsideOnLine = "the inside point lies on the line; mark a point on the store's side";

    /// <summary>Why this line cannot count anything, or null when it is usable.</summary>
    public string? Problem()
    {
        float[] all = [Ax, Ay, Bx, By, InsideX, InsideY];
        if (all.Any(v => float.IsNaN(v) || v < 0 || v > 1)) return OutsideFrame;
        var length = MathF.Sqrt((Bx - Ax) * (Bx - Ax) + (By - Ay) * (By - Ay));
        if (length < 0.02f) return TooShort;
        var cross = (Bx - Ax) * (InsideY - Ay) - (By - Ay) * (InsideX - Ax);
        if (MathF.Abs(cross) / length < 0.005f) return InsideOnLine;
        return null;
    }
}

/// <summary>One person found in an analysed frame, in pixels, with an appearance embedding when one was computed.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.PersonSighting")]
public sealed record PersonSighting(
    [property: Id(0)] float X1,
    [property: Id(1)] float Y1,
    [property: Id(2)] float X2,
    [property: Id(3)] float Y2,
    [property: Id(4)] float Score,
    [property: Id(5)] float[]? Appearance,
    [property: Id(6)] string? AgeBand = null,
    [property: Id(7)] string? Gender = null);

/// <summary>What the analysis of one snapshot found, as the camera grain receives it.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.AnalysedFrame")]
public sealed record AnalysedFrame(
    [property: Id(0)] long SnapshotId,
    [property: Id(1)] DateTime CapturedUtc,
    [property: Id(2)] int Width,
    [property: Id(3)] int Height,
    [property: Id(4)] IReadOnlyList<PersonSighting> People);

public enum CrossingDirection { In, Out }

/// <summary>A tracked person crossed the door line.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.LineCrossing")]
public sealed record LineCrossing(
    [property: Id(0)] string CameraCode,
    [property: Id(1)] int TrackId,
    [property: Id(2)] CrossingDirection Direction,
    [property: Id(3)] DateTime AtUtc,
    [property: Id(4)] float[]? Appearance,
    [property: Id(5)] string? AgeBand = null,
    [property: Id(6)] string? Gender = null);

/// <summary>What a camera saw in one frame for the store: crossings, passers-by that left view, and the head count.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.TrafficObservation")]
public sealed record TrafficObservation(
    [property: Id(0)] string CameraCode,
    [property: Id(1)] DateTime AtUtc,
    [property: Id(2)] IReadOnlyList<LineCrossing> Crossings,
    [property: Id(3)] int PassersBy,
    [property: Id(4)] int? Occupancy);

/// <summary>
/// A box as the per-image detail shows it: which track it belongs to, and whether it was counted (an in-store camera
/// leaves out people standing outside its counting area).
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.TrackedBox")]
public sealed record TrackedBox(
    [property: Id(0)] int TrackId,
    [property: Id(1)] float X1,
    [property: Id(2)] float Y1,
    [property: Id(3)] float X2,
    [property: Id(4)] float Y2,
    [property: Id(5)] bool Counted = true);

/// <summary>
/// Foot-traffic counters over some period (today live, or one hour in history). <see cref="Entries"/> and
/// <see cref="PassersBy"/> are the store's customers and its street while it is open; people coming in while it is closed
/// (staff before opening, cleaners, deliveries) and passing a shut door are <see cref="OffHoursEntries"/> and
/// <see cref="OffHoursPassersBy"/>, kept apart so they neither count as customers nor dilute the entry rate; going out
/// then, unless seen coming in as a customer, is <see cref="OffHoursExits"/>, so <see cref="Exits"/> are customers' too.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.TrafficCounters")]
public sealed record TrafficCounters(
    [property: Id(0)] int Entries,
    [property: Id(1)] int Exits,
    [property: Id(2)] int PassersBy,
    [property: Id(3)] int UniqueVisitors,
    [property: Id(4)] int Repeats,
    [property: Id(5)] int Staff,
    [property: Id(6)] int Occupancy,
    [property: Id(7)] int MaxOccupancy,
    [property: Id(8)] double DwellSecondsTotal,
    [property: Id(9)] int DwellCount,
    [property: Id(10)] int OffHoursEntries = 0,
    [property: Id(11)] int OffHoursPassersBy = 0,
    [property: Id(12)] int OffHoursExits = 0)
{
    public static readonly TrafficCounters Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>进店率: entries over everyone who came by (entries + passers-by); null before anyone did.</summary>
    public double? EntryRate => EntryRateOf(Entries, PassersBy);

    /// <summary>进店率 of any entries and passers-by (a month, a group of stores): one rule for every report.</summary>
    public static double? EntryRateOf(int entries, int passersBy) => entries + passersBy == 0 ? null : (double)entries / (entries + passersBy);

    public double? AverageDwellSeconds => DwellCount == 0 ? null : DwellSecondsTotal / DwellCount;

    /// <summary>Sums of two stores (or hours); the peak is the larger peak, since peaks of different stores need not coincide.</summary>
    public TrafficCounters Plus(TrafficCounters o) => new(
        Entries + o.Entries, Exits + o.Exits, PassersBy + o.PassersBy, UniqueVisitors + o.UniqueVisitors, Repeats + o.Repeats,
        Staff + o.Staff, Occupancy + o.Occupancy, Math.Max(MaxOccupancy, o.MaxOccupancy), DwellSecondsTotal + o.DwellSecondsTotal, DwellCount + o.DwellCount,
        OffHoursEntries + o.OffHoursEntries, OffHoursPassersBy + o.OffHoursPassersBy, OffHoursExits + o.OffHoursExits);
}

/// <summary>
/// One store-local hour of history, as written to PostgreSQL (absolute values, so rewriting it is idempotent).
/// Dwell buckets: under 1, 1–5, 5–15, 15–30, 30–60 and over 60 minutes. Demographics: "age:band" and
/// "gender:value" counts per unique visitor, "unknown" where no face was seen or no attribute model is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.TrafficHour")]
public sealed record TrafficHour(
    [property: Id(0)] string StoreCode,
    [property: Id(1)] DateTime HourLocal,
    [property: Id(2)] DateTime HourUtc,
    [property: Id(3)] TrafficCounters Counters,
    [property: Id(4)] double OccupancySum,
    [property: Id(5)] int OccupancySamples,
    [property: Id(6)] IReadOnlyList<int> DwellBuckets,
    [property: Id(7)] IReadOnlyDictionary<string, int> Demographics)
{
    public static readonly int[] DwellBucketUpperMinutes = [1, 5, 15, 30, 60, int.MaxValue];
}
