using SmartStore.Models;

namespace SmartStore.Web.Pages;

/// <summary>
/// What a refused store edit keeps of what was typed. The page was filled from one version of the store; someone else
/// saved a newer one meanwhile (head office's holiday hours for every store, another admin). The form is filled again
/// from the store as it is now, and each of this person's own changes — a field they changed from what the page showed —
/// is put back on top where the other change left that field alone. Where both changed the same field the other change
/// stays and the clash is named, so nothing already saved is overwritten and nothing typed is silently dropped.
/// </summary>
public static class StoreEditCarryOver
{
    /// <summary>A field this person changed, put back onto the current store: <paramref name="Label"/> as shown, <paramref name="Field"/>
    /// the form's name for it ("Name", "Days[0]", "Special[2]"), where it is still on the form.</summary>
    public sealed record Carried(string Label, string? Field);

    /// <summary>A field both changed: the current value stays, what this person typed is named so they can decide.</summary>
    public sealed record Clash(string Label, string Typed, string Now, string? Field);

    public sealed record Result(StoreProfileForm Form, IReadOnlyList<Carried> Put, IReadOnlyList<Clash> Clashes);

    /// <summary>The words a result is told in: field names, a weekday's name, how a closed day and a time range read.</summary>
    /// <param name="Removed">What ticking a range for removal reads as; <paramref name="Gone"/>: a range no longer as it was.</param>
    public sealed record Words(Func<string, string> Field, Func<int, string> Day, string ClosedDay, string Removed, string Gone);

    /// <param name="opened">The form as the page showed it (the store at the version the edit began from).</param>
    /// <param name="typed">The form as sent.</param>
    /// <param name="now">The store as it is now, freshly read into a form: it is filled in and returned.</param>
    public static Result Apply(StoreProfileForm opened, StoreProfileForm typed, StoreProfileForm now, Words words)
    {
        var merge = new Merge(words);
        var form = now;
        form.Name = merge.Field("name", "Name", opened.Name, typed.Name, now.Name);
        form.RegionCode = merge.Field("region", "RegionCode", opened.RegionCode, typed.RegionCode, now.RegionCode);
        form.City = merge.Field("city", "City", opened.City, typed.City, now.City);
        form.Address = merge.Field("address", "Address", opened.Address, typed.Address, now.Address);
        form.Latitude = merge.Number("latitude", "Latitude", opened.Latitude, typed.Latitude, now.Latitude);
        form.Longitude = merge.Number("longitude", "Longitude", opened.Longitude, typed.Longitude, now.Longitude);
        form.StaffCount = (int?)merge.Number("staff", "StaffCount", opened.StaffCount, typed.StaffCount, now.StaffCount);
        form.TimeZone = merge.Field("timeZone", "TimeZone", opened.TimeZone, typed.TimeZone, now.TimeZone);
        form.Tags = merge.Tags(opened.Tags, typed.Tags, now.Tags);
        for (var day = 0; day < Math.Min(7, Math.Min(opened.Days.Count, Math.Min(typed.Days.Count, now.Days.Count))); day++)
            form.Days[day] = merge.Hours(day, opened.Days[day], typed.Days[day], now.Days[day]);
        merge.Ranges(opened.Special, typed, form);
        return new(form, merge.Placed(form), merge.Clashes);
    }

    /// <summary>How a row of hours reads, in one key: two rows the same to a store read the same.</summary>
    public static string HoursText(StoreProfileForm.HoursRow row, string closedDay) => row.Closed
        ? closedDay
        : $"{Clock(row.Open)}–{Clock(row.Close)}";

    /// <summary>A special-hours range as one line: its dates, weekdays, hours and reason.</summary>
    public static string RangeText(StoreProfileForm.HoursRow row, Func<int, string> day, string closedDay)
    {
        var weekdays = Weekdays(row);
        var days = weekdays.Count == 7 ? "" : " " + string.Join("", weekdays.Select(d => day(d - 1)));
        var dates = row.From == row.To ? $"{row.From:yyyy-MM-dd}" : $"{row.From:yyyy-MM-dd}–{row.To:yyyy-MM-dd}";
        return $"{dates}{days} {HoursText(row, closedDay)} {row.Reason?.Trim()}".TrimEnd();
    }

    private static string Clock(string? text) => ClockText.Parse(text) is { } time ? ClockText.Of(time) : text?.Trim() ?? "";

    private static List<int> Weekdays(StoreProfileForm.HoursRow row) =>
        row.Weekdays.Count == 0 ? [1, 2, 3, 4, 5, 6, 7] : row.Weekdays.Distinct().Order().ToList();

    private sealed class Merge(Words words)
    {
        private readonly List<Carried> _put = [];
        /// <summary>Ranges put back, by the entry of <see cref="_put"/> naming them: where each ends up is known once all are placed.</summary>
        private readonly List<(int Entry, StoreProfileForm.HoursRow Row)> _ranges = [];
        public List<Clash> Clashes { get; } = [];

        public string? Field(string key, string field, string? opened, string? typed, string? now) =>
            Decide(words.Field(key), field, Text(opened), Text(typed), Text(now)) ? typed : now;

        public double? Number(string key, string field, double? opened, double? typed, double? now) =>
            Decide(words.Field(key), field, $"{opened}", $"{typed}", $"{now}") ? typed : now;

        public StoreProfileForm.HoursRow Hours(int day, StoreProfileForm.HoursRow opened, StoreProfileForm.HoursRow typed, StoreProfileForm.HoursRow now) =>
            Decide(words.Day(day), $"Days[{day}]", HoursText(opened, words.ClosedDay), HoursText(typed, words.ClosedDay), HoursText(now, words.ClosedDay))
                ? typed : now;

        /// <summary>What was put back, each range named by the row it now has on the form.</summary>
        public List<Carried> Placed(StoreProfileForm form)
        {
            foreach (var (entry, row) in _ranges) _put[entry] = _put[entry] with { Field = $"Special[{form.Special.IndexOf(row)}]" };
            return _put;
        }

        /// <summary>Tags one by one: each this person added or took off is added or taken off again, whatever else changed.</summary>
        public List<string> Tags(List<string> opened, List<string> typed, List<string> now)
        {
            var added = typed.Except(opened).Where(t => !now.Contains(t)).ToList();
            var removed = opened.Except(typed).Where(now.Contains).ToList();
            if (added.Count + removed.Count > 0) _put.Add(new(words.Field("tags"), "Tags"));
            return now.Except(removed).Concat(added).ToList();
        }

        /// <summary>
        /// Ranges are matched by what they say (the form shows them in the store's order, each row as it was opened): a row
        /// this person changed or ticked for removal is changed or removed where the current store still has it as it was;
        /// one the other change already altered or removed is a clash. The range being added is kept in the add row.
        /// </summary>
        public void Ranges(List<StoreProfileForm.HoursRow> opened, StoreProfileForm typed, StoreProfileForm form)
        {
            var label = words.Field("specialHours");
            if (opened.Count == typed.Special.Count)
                for (var i = 0; i < opened.Count; i++)
                    Range(label, opened[i], typed.Special[i], form.Special);
            if (typed.Added is { From: not null } or { To: not null } && !form.Special.Any(s => Same(s, typed.Added)))
            {
                form.Added = typed.Added;
                _put.Add(new(words.Field("addedSpecialHours"), "Added"));
            }
        }

        private void Range(string label, StoreProfileForm.HoursRow opened, StoreProfileForm.HoursRow typed, List<StoreProfileForm.HoursRow> now)
        {
            var changed = !Same(opened, typed);
            if (!typed.Remove && !changed) return;
            var was = RangeText(opened, words.Day, words.ClosedDay);
            var at = now.FindIndex(s => Same(s, opened));
            if (at < 0)
            {
                // Already as this person wanted it (the other change made the same edit), or changed otherwise: say so.
                if (!typed.Remove && now.Any(s => Same(s, typed))) return;
                Clashes.Add(new($"{label} {was}", typed.Remove ? words.Removed : RangeText(typed, words.Day, words.ClosedDay), words.Gone, null));
                return;
            }
            _put.Add(new($"{label} {was}", null));
            if (typed.Remove) now.RemoveAt(at);
            else
            {
                now[at] = typed;
                _ranges.Add((_put.Count - 1, typed));
            }
        }

        private static bool Same(StoreProfileForm.HoursRow a, StoreProfileForm.HoursRow b) =>
            a.From == b.From && a.To == b.To && Weekdays(a).SequenceEqual(Weekdays(b))
            && HoursText(a, "closed") == HoursText(b, "closed") && Text(a.Reason) == Text(b.Reason);

        /// <summary>True: this person's value wins (they changed the field and the other change did not).</summary>
        private bool Decide(string label, string field, string opened, string typed, string now)
        {
            if (typed == opened || typed == now) return false;
            if (now == opened)
            {
                _put.Add(new(label, field));
                return true;
            }
            Clashes.Add(new(label, typed, now, field));
            return false;
        }

        private static string Text(string? value) => value?.Trim() ?? "";
    }
}
