namespace SmartStore.Models;

/// <summary>
/// 定时抓拍: a picture from each covered store's camera of <see cref="CameraKind"/> at <see cref="AtLocal"/> (store-local) on
/// <see cref="Weekdays"/>, for the region manager to look at — seed 001's "门口叫卖检查-10点" or "店外吊旗巡检 09:30".
/// Covered: the stores of <see cref="RegionCode"/> (null: every region) carrying <see cref="StoreTag"/> (null: any).
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.InspectionTask")]
public sealed record InspectionTask(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TimeOnly AtLocal,
    [property: Id(3)] Weekdays Weekdays,
    [property: Id(4)] CameraKind CameraKind,
    [property: Id(5)] string? RegionCode,
    [property: Id(6)] string? StoreTag,
    [property: Id(7)] bool Active,
    [property: Id(8)] string CreatedBy,
    [property: Id(9)] DateTime CreatedUtc,
    /// <summary>For shelf domes: the preset whose picture is taken (the dome's first upload at it after the time); null: any.</summary>
    [property: Id(10)] int? Preset = null);

/// <summary>The weekdays a task runs on, Monday first (bit 0) as the chain's week is written.</summary>
[Flags]
public enum Weekdays : short
{
    None = 0,
    Monday = 1, Tuesday = 2, Wednesday = 4, Thursday = 8, Friday = 16, Saturday = 32, Sunday = 64,
    Every = 127,
}

public static class WeekdaysOf
{
    public static Weekdays Day(DayOfWeek day) => (Weekdays)(1 << (((int)day + 6) % 7));

    /// <summary>An ISO day number, 1 = Monday … 7 = Sunday, as integrators send it.</summary>
    public static Weekdays FromIso(int isoDay) => (Weekdays)(1 << (isoDay - 1));

    /// <summary>The set of the ISO day numbers given, those outside 1–7 left out (a form's ticks, a request's list).</summary>
    public static Weekdays FromIso(IEnumerable<int> isoDays) =>
        isoDays.Where(d => d is >= 1 and <= 7).Aggregate(Weekdays.None, (all, d) => all | FromIso(d));

    /// <summary>The ISO day numbers of the set, Monday first.</summary>
    public static IEnumerable<int> IsoDays(this Weekdays days) => days.Days().Select(d => d == DayOfWeek.Sunday ? 7 : (int)d);

    public static bool Includes(this Weekdays days, DayOfWeek day) => (days & Day(day)) != 0;

    /// <summary>The days in order, Monday first.</summary>
    public static IEnumerable<DayOfWeek> Days(this Weekdays days) =>
        Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)).Where(d => days.Includes(d));
}

/// <summary>One store camera's picture due for a task on a store-local day.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.InspectionDue")]
public sealed record InspectionDue(
    [property: Id(0)] long TaskId,
    [property: Id(1)] string StoreCode,
    [property: Id(2)] string CameraCode,
    [property: Id(3)] DateOnly DayLocal,
    [property: Id(4)] DateTime DueUtc);

/// <summary>A store camera a task covers, with what deciding its due time needs.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.InspectionTarget")]
public sealed record InspectionTarget(
    [property: Id(0)] string StoreCode,
    [property: Id(1)] string CameraCode,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] OpeningHours OpeningHours);

/// <summary>A task's picture just taken: which store (and region, for routing it live) and which upload.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.InspectionPicture")]
public sealed record InspectionPicture([property: Id(0)] string StoreCode, [property: Id(1)] string RegionCode, [property: Id(2)] long SnapshotId);

/// <summary>Where a picture stands: waiting for the camera's upload, captured (to review), missed, passed, or a to-do raised from it.</summary>
public static class CaptureStatus
{
    public const string Waiting = "waiting";
    public const string Captured = "captured";
    public const string Missed = "missed";
    public const string Passed = "passed";
    public const string Todo = "todo";
    public static readonly string[] All = [Waiting, Captured, Missed, Passed, Todo];
}

/// <summary>A task's picture of one store camera on one day, as a reviewer sees it.</summary>
public sealed record InspectionCapture(
    long Id, long TaskId, string TaskName, string StoreCode, string StoreName, string RegionCode, string CameraCode,
    DateOnly DayLocal, DateTime DueUtc, long? SnapshotId, DateTime? PicturedUtc, string Status,
    string? ReviewedBy, DateTime? ReviewedUtc, string TimeZone);

/// <summary>
/// A to-do (待办) raised for a store — from an inspection picture, or on its own. Open until its staff mark it done, then
/// awaiting review (待验收) until the reviewer accepts it (验收) or sends it back (驳回), which opens it again.
/// </summary>
public sealed record StoreTodo(
    long Id, string StoreCode, string StoreName, long? CaptureId, long? SnapshotId, string? TaskName, string Text,
    string RaisedBy, DateTime RaisedUtc, DateTime? DoneUtc, string? DoneBy, string? DoneNote, string TimeZone, bool HasProof = false,
    DateTime? DueUtc = null, DateTime? AcceptedUtc = null, string? AcceptedBy = null, int Rejections = 0, string? LastRejection = null,
    DateOnly? TillDay = null, string? TillSubject = null)
{
    /// <summary>The 收银追溯 finding the store is asked to explain (请门店说明), or null for any other to-do.</summary>
    public TillLead? Till => TillDay is { } day && TillSubject is { } subject ? new TillLead(day, subject) : null;

    public bool Open => DoneUtc is null;
    public bool AwaitingReview => DoneUtc is not null && AcceptedUtc is null;
    public bool Accepted => AcceptedUtc is not null;

    /// <summary>Past its deadline and not yet done.</summary>
    public bool OverdueAt(DateTime utcNow) => Open && DueUtc < utcNow;

    /// <summary>open, overdue, review or accepted: the word pages and the API use.</summary>
    public string StateAt(DateTime utcNow) => OverdueAt(utcNow) ? TodoStates.Overdue : Open ? TodoStates.Open : AwaitingReview ? TodoStates.Review : TodoStates.Accepted;
}

/// <summary>Where a to-do stands, as a filter and in the API.</summary>
public static class TodoStates
{
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Review = "review";
    public const string Accepted = "accepted";
    public static readonly string[] All = [Open, Overdue, Review, Accepted];
}

/// <summary>To-dos waiting: on the store (open, of them past their deadline) and on the reviewer.</summary>
public sealed record TodoCounts(int Open, int Overdue, int AwaitingReview);

/// <summary>A round the reviewer sent back: what the store said and showed, and why it was not accepted.</summary>
/// <param name="DueUtc">the deadline the round was done against.</param>
public sealed record TodoRejection(long Id, long TodoId, DateTime DoneUtc, string DoneBy, string? DoneNote, bool HasProof,
    DateTime RejectedUtc, string RejectedBy, string Reason, DateTime? DueUtc = null);

/// <summary>整改统计: a store's to-dos raised in a period and how they were put right; a region's total has no store, the whole total no region.</summary>
public sealed record TodoTally(
    string? StoreCode, string? StoreName, string? RegionCode, int Raised, int Accepted, int AcceptedOnTime, int Open, int Overdue,
    int AwaitingReview, int Rejections, double? MedianHoursToAccept);

/// <summary>A 收银追溯 finding a to-do asks the store about: the store-local day and the finding's subject (receipt:…, visit:…).</summary>
public sealed record TillLead(DateOnly Day, string Subject);
