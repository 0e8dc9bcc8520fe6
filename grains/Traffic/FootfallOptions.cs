namespace SmartStore.Grains.Traffic;

/// <summary>Store-level counting rules (issue: de-duplication window, staff rule). Bound from configuration section "Footfall".</summary>
public sealed record FootfallOptions
{
    /// <summary>An entry matching an earlier entry of the same store within this window is a repeat, not a new visitor.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Re-ID cosine similarity at which two crossings are taken to be the same person. A crossing is compared with
    /// every visitor of the day, so false merges multiply with the gallery: on the dev sets (pairs ≥ 1 s apart)
    /// 0.80 lets through under 0.1% of different-person pairs while finding 40% of same-person pairs; 0.70 would
    /// find 60% but merge 0.2% — one false match per entry once 500 visitors are in memory.
    /// </summary>
    public float SamePersonSimilarity { get; init; } = 0.80f;

    /// <summary>Someone entering through the door more often than this in a day is staff, not a customer (exits are not counted).</summary>
    public int StaffCrossingsPerDay { get; init; } = 8;

    /// <summary>
    /// How far outside its opening hours a store still counts customers: one let in a little early, or still coming in as
    /// the shutters go down (and a store clock a few minutes off). Beyond it an entry is an off-hours one.
    /// </summary>
    public TimeSpan OffHoursGrace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Nobody is taken to be still inside longer than this after coming in, when the doors are all there is to go by: a door
    /// that misses people going out (a second way out without a camera, a line crossed mostly one way) would otherwise add
    /// every missed exit to the store's occupancy all day. Longer than nearly every shopping visit.
    /// </summary>
    public TimeSpan LongestVisit { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// An exit is matched to an entry at most this long before it: someone not seen going out by then left unseen (doors
    /// miss exits), and a look-alike going out later is somebody else. Without it a missed exit stayed open all day, and the
    /// first look-alike to leave — hours later — closed it with hours of dwell (or, behind someone who came in before
    /// opening, as their off-hours exit, no customer's). Longer than <see cref="LongestVisit"/>: a long visit, or a cleaner
    /// staying past opening, still leaves as themselves.
    /// </summary>
    public TimeSpan ExitMatchWithin { get; init; } = TimeSpan.FromHours(4);
}
