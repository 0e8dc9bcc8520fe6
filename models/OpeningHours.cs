namespace SmartStore.Models;

/// <summary>Opening hours of one weekday, store-local. Closed days have <see cref="Closed"/> set.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.DayHours")]
public sealed record DayHours(
    [property: Id(0)] TimeOnly Open,
    [property: Id(1)] TimeOnly Close,
    [property: Id(2)] bool Closed = false)
{
    /// <summary>Closed the whole day (its times mean nothing).</summary>
    public static readonly DayHours ClosedAllDay = new(TimeOnly.MinValue, TimeOnly.MinValue, Closed: true);
}

/// <summary>
/// A date range (inclusive) with hours that replace the weekly schedule on the weekdays it names, e.g. a holiday, a refit,
/// or a season's hours ("12-02 to 12-16, Monday to Saturday 09:30–21:30" and a second range for its Sundays).
/// <see cref="Days"/> none (a range kept before it had days) means every day.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.OpeningException")]
public sealed record OpeningException(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To,
    [property: Id(2)] DayHours Hours,
    [property: Id(3)] string Reason,
    [property: Id(4)] Weekdays Days = Weekdays.Every)
{
    /// <summary>Whether the range sets the hours of this store-local date.</summary>
    public bool Covers(DateOnly date) => From <= date && date <= To && (Days == Weekdays.None || Days.Includes(date.DayOfWeek));

    /// <summary>
    /// Whether two ranges are the same entry of a plan (reason, dates and weekdays; not the hours): what head office sets for
    /// many stores at once replaces its earlier version there, and is withdrawn by it.
    /// </summary>
    public bool SameEntry(OpeningException other) =>
        Reason == other.Reason && From == other.From && To == other.To && Normal(Days) == Normal(other.Days);

    private static Weekdays Normal(Weekdays days) => days == Weekdays.None ? Weekdays.Every : days;
}

/// <summary>
/// A store's weekly opening hours (index 0 = Monday … 6 = Sunday) plus date-range exceptions.
/// A Close earlier than Open means the store closes after midnight.
/// </summary>
[GenerateSerializer, Immutable, Alias("SmartStore.OpeningHours")]
public sealed record OpeningHours(
    [property: Id(0)] IReadOnlyList<DayHours> Weekly,
    [property: Id(1)] IReadOnlyList<OpeningException> Exceptions)
{
    /// <summary>
    /// The first store-local date the store no longer trades (闭店): closed every day from it, whatever the week or a range
    /// says. Kept apart from the hours (the store's record sets it, by closing or reopening the store), so an edit of the
    /// hours neither sets nor clears it; null while the store trades.
    /// </summary>
    [Id(2)]
    public DateOnly? ClosedFrom { get; init; }

    /// <summary>
    /// The store's first trading day (开业日期): closed every day before it, while it is being fitted out. Kept apart from the
    /// hours as <see cref="ClosedFrom"/> is; null: trading since it was set up.
    /// </summary>
    [Id(3)]
    public DateOnly? OpensFrom { get; init; }

    /// <summary>Whether its closing date comes on or before its opening date: a store cannot close before it opens.</summary>
    public bool ClosesBeforeItOpens => ClosedFrom <= OpensFrom;

    /// <summary>Whether the store has closed for good by this store-local date.</summary>
    public bool ClosedDownBy(DateOnly date) => ClosedFrom is { } closed && closed <= date;

    /// <summary>Where the store stands on this store-local date: being prepared, trading, or closed for good.</summary>
    public StoreStage StageOn(DateOnly date) =>
        ClosedDownBy(date) ? StoreStage.ClosedDown : OpensFrom is { } opens && date < opens ? StoreStage.Preparing : StoreStage.Trading;

    public static OpeningHours Daily(TimeOnly open, TimeOnly close) =>
        new(Enumerable.Range(0, 7).Select(_ => new DayHours(open, close)).ToArray(), Array.Empty<OpeningException>());

    public static OpeningHours AlwaysOpen { get; } = Daily(TimeOnly.MinValue, TimeOnly.MaxValue);

    /// <summary>These hours with the range set: an earlier version of the same entry gives way, and the range goes last, so it wins its days.</summary>
    public OpeningHours Setting(OpeningException range) =>
        this with { Exceptions = [.. (Exceptions ?? []).Where(e => !e.SameEntry(range)), range] };

    /// <summary>These hours without the entry, or null when they have no such range.</summary>
    public OpeningHours? Withdrawing(OpeningException entry) =>
        (Exceptions ?? []).Any(e => e.SameEntry(entry)) ? this with { Exceptions = (Exceptions ?? []).Where(e => !e.SameEntry(entry)).ToArray() } : null;

    /// <summary>The hours of one store-local date: none before the store opens or once it has closed for good, else the last exception covering it (its range and weekday), else its weekday's.</summary>
    public DayHours On(DateOnly date)
    {
        if (StageOn(date) != StoreStage.Trading) return DayHours.ClosedAllDay;
        // Stores created through the API before it filled in a missing list have none stored.
        var exception = (Exceptions ?? []).LastOrDefault(e => e.Covers(date));
        if (exception is not null) return exception.Hours;
        var mondayFirst = ((int)date.DayOfWeek + 6) % 7;
        return Weekly[mondayFirst];
    }

    /// <summary>
    /// When the store is open on a store-local date, as store-local instants: null on a closed day; a day that closes
    /// after midnight (or at 24:00) ends on the next date. Agrees with <see cref="IsOpenAt"/>.
    /// </summary>
    public (DateTime Open, DateTime Close)? SpanOn(DateOnly date)
    {
        var day = On(date);
        if (day.Closed || day.Close == day.Open) return null;
        var open = date.ToDateTime(day.Open);
        if (day.Close == TimeOnly.MaxValue) return (open, date.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return (open, day.Close < day.Open ? date.AddDays(1).ToDateTime(day.Close) : date.ToDateTime(day.Close));
    }

    /// <summary>
    /// Whether the store is open at any moment from <paramref name="fromLocal"/> to <paramref name="toLocal"/> (store-local):
    /// an hour of sales counts as trading when any of it was. Agrees with <see cref="IsOpenAt"/> for an instant.
    /// </summary>
    public bool IsOpenDuring(DateTime fromLocal, DateTime toLocal)
    {
        // A day closing after midnight reaches into the next date, so the date before the span is asked too.
        for (var date = DateOnly.FromDateTime(fromLocal).AddDays(-1); date <= DateOnly.FromDateTime(toLocal); date = date.AddDays(1))
            if (SpanOn(date) is { } open && open.Open <= toLocal && fromLocal < open.Close) return true;
        return false;
    }

    /// <summary>Whether the store is open at a store-local instant; a day that closes after midnight keeps it open into the next.</summary>
    public bool IsOpenAt(DateTime local)
    {
        var today = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var yesterday = On(today.AddDays(-1));
        if (!yesterday.Closed && yesterday.Close < yesterday.Open && time < yesterday.Close)
            return true;
        var day = On(today);
        if (day.Closed) return false;
        return day.Close < day.Open
            ? time >= day.Open
            : time >= day.Open && time < day.Close || day.Close == TimeOnly.MaxValue && time >= day.Open;
    }
}
