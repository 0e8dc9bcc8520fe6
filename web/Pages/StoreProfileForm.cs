using SmartStore.Models;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>
/// The store-details form as a browser posts it: one row of hours per weekday and one per date range, times as typed
/// ("09:30"), read into the API's <see cref="StoreInput"/> so the page and the API keep one set of rules.
/// </summary>
public sealed class StoreProfileForm
{
    public string? Name { get; set; }
    public string? RegionCode { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? TimeZone { get; set; }
    public int? StaffCount { get; set; }
    /// <summary>Monday first, seven rows.</summary>
    public List<HoursRow> Days { get; set; } = [];
    /// <summary>The store's special hours, each kept unless ticked for removal.</summary>
    public List<HoursRow> Special { get; set; } = [];
    /// <summary>A date range to add; ignored while both its dates are empty.</summary>
    public HoursRow Added { get; set; } = new();

    public sealed class HoursRow
    {
        public string? Open { get; set; }
        public string? Close { get; set; }
        public bool Closed { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Reason { get; set; }
        public bool Remove { get; set; }
        /// <summary>A range's weekdays as ISO numbers (1 = Monday); none ticked is every day.</summary>
        public List<int> Weekdays { get; set; } = [];
    }

    public static StoreProfileForm Of(Store store) => new()
    {
        Name = store.Name, RegionCode = store.RegionCode, City = store.City, Address = store.Address,
        Latitude = store.Latitude, Longitude = store.Longitude, Tags = store.Tags.ToList(), TimeZone = store.TimeZone,
        StaffCount = store.StaffCount,
        Days = store.OpeningHours.Weekly.Select(d => Row(d)).ToList(),
        Special = (store.OpeningHours.Exceptions ?? []).Select(e => Row(e.Hours, e.From, e.To, e.Reason, e.Days)).ToList(),
    };

    /// <summary>The form as the API's input; a time that is not a time, or a range without both dates, is a field error.</summary>
    public StoreInput ToInput(FieldErrors errors, Func<int, string> dayName)
    {
        var weekly = Days.Select((d, i) => Hours(d, dayName(i), errors)).ToList();
        var kept = Special.Where(s => !s.Remove);
        var ranges = Added.From is null && Added.To is null ? kept : kept.Append(Added);
        var special = ranges.Select(s => Range(s, errors)).OfType<OpeningException>().ToList();
        return new StoreInput(null, Name, RegionCode, City, Address, Latitude, Longitude, Tags, new OpeningHours(weekly, special),
            string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(), StaffCount);
    }

    private static OpeningException? Range(HoursRow row, FieldErrors errors)
    {
        if (row.From is not { } from || row.To is not { } to)
        {
            errors.Add("openingHours", "A special-hours range needs both dates.", "特殊营业时间须填写开始和结束日期。");
            return null;
        }
        var days = WeekdaysOf.FromIso(row.Weekdays);
        return new OpeningException(from, to, Hours(row, $"{from:yyyy-MM-dd}", errors), row.Reason?.Trim() ?? "",
            days == Models.Weekdays.None ? Models.Weekdays.Every : days);
    }

    private static DayHours Hours(HoursRow row, string day, FieldErrors errors)
    {
        if (row.Closed) return DayHours.ClosedAllDay;
        var open = ClockText.Parse(row.Open);
        var close = ClockText.Parse(row.Close);
        if (open is null || close is null)
        {
            errors.Add("openingHours", $"{day}: opening and closing times must be like 09:30.", $"{day}：开门和关门时间须是 09:30 这样的时间。");
            return DayHours.ClosedAllDay;
        }
        return new DayHours(open.Value, close.Value);
    }

    private static HoursRow Row(DayHours hours, DateOnly? from = null, DateOnly? to = null, string? reason = null, Weekdays days = Models.Weekdays.Every) => new()
    {
        Open = hours.Closed ? null : ClockText.Of(hours.Open), Close = hours.Closed ? null : ClockText.Of(hours.Close),
        Closed = hours.Closed, From = from, To = to, Reason = reason,
        Weekdays = (days == Models.Weekdays.None ? Models.Weekdays.Every : days).IsoDays().ToList(),
    };
}
