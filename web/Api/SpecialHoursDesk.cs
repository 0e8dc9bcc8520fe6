using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>One special-hours entry as the chain has it: the range, and the stores that have it, by code.</summary>
public sealed record SpecialHoursGroup(OpeningException Range, IReadOnlyList<string> Stores);

/// <summary>
/// Special hours for many stores at once, for the page and the API alike: head office sets 春节 once instead of on 2,000
/// edit pages. Each chosen store gets the range as one of its own special-hours rows (so a store can still be adjusted on
/// its page), replacing an earlier version of the same entry; every change is saved together and each store's grain told,
/// since the hours drive its closure rule, view checks and offline alerts.
/// </summary>
public sealed class SpecialHoursDesk(StoreRepository stores, StoreReachCheck reach, IClusterClient cluster)
{
    /// <param name="Stores">The stores changed, by code; empty when refused (<see cref="Errors"/>) or none had the entry.</param>
    /// <param name="Range">The range set; null when refused or withdrawn.</param>
    public sealed record Outcome(IReadOnlyList<string> Stores, FieldErrors Errors, OpeningException? Range = null);

    public async Task<Outcome> Set(SpecialHoursInput input, string actor)
    {
        var (range, errors) = input.Check();
        var chosen = await Chosen(input, errors);
        if (range is null || errors.Any) return new([], errors);
        return new(await Change(chosen, s => s with { OpeningHours = s.OpeningHours.Setting(range) }, actor), errors, range);
    }

    /// <summary>Sets each row's range on its store (a sheet of each mall's own holiday hours), in the rows' order, all saved together.</summary>
    public async Task<IReadOnlyList<string>> SetEach(IReadOnlyList<(string Store, OpeningException Range)> rows, string actor)
    {
        var byStore = rows.ToLookup(r => r.Store, r => r.Range);
        return await Change(byStore.Select(g => g.Key).ToList(),
            s => s with { OpeningHours = byStore[s.Code].Aggregate(s.OpeningHours, (hours, range) => hours.Setting(range)) }, actor);
    }

    /// <summary>Takes the entry (reason, dates, weekdays) off the chosen stores that have it.</summary>
    public async Task<Outcome> Withdraw(SpecialHoursInput input, string actor)
    {
        var (entry, errors) = input.CheckEntry();
        var chosen = await Chosen(input, errors);
        if (entry is null || errors.Any) return new([], errors);
        return new(await Change(chosen, s => s.OpeningHours.Withdrawing(entry) is { } hours ? s with { OpeningHours = hours } : null, actor), errors);
    }

    /// <summary>Every special-hours entry of the chain ending on or after a date, with its stores; earliest first.</summary>
    public async Task<IReadOnlyList<SpecialHoursGroup>> Groups(DateOnly endingFrom)
    {
        var all = await stores.Matching(null, null);
        return all.SelectMany(s => (s.OpeningHours.Exceptions ?? []).Where(e => e.To >= endingFrom).Select(e => (Store: s.Code, Range: Normal(e))))
            .GroupBy(p => p.Range)
            .Select(g => new SpecialHoursGroup(g.Key, g.Select(p => p.Store).Distinct().ToList()))
            .OrderBy(g => g.Range.From).ThenBy(g => g.Range.To).ThenBy(g => g.Range.Reason, StringComparer.Ordinal)
            .ToList();
    }

    // Rows kept before weekdays existed have none: every day, like a row with all seven.
    private static OpeningException Normal(OpeningException e) => e.Days == Weekdays.None ? e with { Days = Weekdays.Every } : e;

    /// <summary>The stores the input names (by code, or region and tag), by code; none with the reason added to errors.</summary>
    private async Task<IReadOnlyList<string>> Chosen(SpecialHoursInput input, FieldErrors errors)
    {
        List<string> chosen = [];
        if (input.Stores is { Count: > 0 } codes)
        {
            var known = await stores.RegionOfEach();
            foreach (var code in codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct())
                if (known.ContainsKey(code)) chosen.Add(code);
                else errors.Add("stores", $"store '{code}' does not exist.", $"门店“{code}”不存在。");
        }
        else
        {
            var (region, tag) = (PlanningInput.Blank(input.RegionCode), PlanningInput.Blank(input.StoreTag));
            await reach.Check(region, tag, errors);
            if (!errors.Any) chosen.AddRange((await stores.Matching(region, tag)).Select(s => s.Code));
        }
        if (chosen.Count == 0 && !errors.Any) errors.Add("stores", "No store matches the region and store tag given.", "没有符合所选大区和门店类型的门店。");
        return chosen;
    }

    private async Task<IReadOnlyList<string>> Change(IReadOnlyList<string> codes, Func<Store, Store?> change, string actor)
    {
        var changed = await stores.ChangeMany(codes, change, actor);
        await ChangedGrains.Tell(changed, store => cluster.GetGrain<IStoreGrain>(store.Code).ProfileChanged());
        return changed.Select(s => s.Code).ToList();
    }
}
