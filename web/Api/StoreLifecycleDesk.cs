using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Api;

/// <summary>
/// Sets when a store opens (开业日期) and when it closes for good (闭店), or clears either, for the API and the store's page
/// alike, and tells the store's grain: its hours are closed every day before the one and from the other, so it and its
/// cameras stop expecting customers.
/// </summary>
public sealed class StoreLifecycleDesk(StoreRepository stores, IClusterClient cluster)
{
    /// <summary>How far from the store's today either date may lie: a year back (recorded late) or ahead (planned).</summary>
    public const int MostDaysAway = 366;

    /// <param name="Store">the store as it is now; null with no errors: there is no such store.</param>
    public sealed record Outcome(Store? Store, FieldErrors Errors);

    public async Task<Outcome> Close(string code, DateOnly? closedOn, string actor)
    {
        if (await stores.Find(code) is not { } store) return new(null, new FieldErrors());
        var errors = Checked("closedOn", closedOn, store);
        if ((store.OpeningHours with { ClosedFrom = closedOn }).ClosesBeforeItOpens)
            errors.Add("closedOn", $"closedOn must be after the store's opening date ({store.OpeningHours.OpensFrom:yyyy-MM-dd}).",
                $"闭店日期须晚于开业日期（{store.OpeningHours.OpensFrom:yyyy-MM-dd}）。");
        return errors.Any ? new(store, errors) : await Set(code, () => stores.SetClosedOn(code, closedOn, actor));
    }

    public Task<Outcome> Reopen(string code, string actor) => Set(code, () => stores.SetClosedOn(code, null, actor));

    public async Task<Outcome> SetOpening(string code, DateOnly? opensOn, string actor)
    {
        if (await stores.Find(code) is not { } store) return new(null, new FieldErrors());
        var errors = Checked("opensOn", opensOn, store);
        if ((store.OpeningHours with { OpensFrom = opensOn }).ClosesBeforeItOpens)
            errors.Add("opensOn", $"opensOn must be before the store's closing date ({store.OpeningHours.ClosedFrom:yyyy-MM-dd}).",
                $"开业日期须早于闭店日期（{store.OpeningHours.ClosedFrom:yyyy-MM-dd}）。");
        return errors.Any ? new(store, errors) : await Set(code, () => stores.SetOpensOn(code, opensOn, actor));
    }

    public Task<Outcome> ClearOpening(string code, string actor) => Set(code, () => stores.SetOpensOn(code, null, actor));

    /// <summary>A date given, and within <see cref="MostDaysAway"/> of the store's today.</summary>
    private static FieldErrors Checked(string field, DateOnly? date, Store store)
    {
        var errors = new FieldErrors();
        var today = StoreTimeZones.DayOf(DateTime.UtcNow, StoreTimeZones.Find(store.TimeZone));
        if (date is not { } day) errors.Required(field);
        else if (Math.Abs(day.DayNumber - today.DayNumber) > MostDaysAway)
            errors.Add(field, $"{field} {day:yyyy-MM-dd} is more than {MostDaysAway} days from the store's today ({today:yyyy-MM-dd}).",
                $"{FieldNames.Zh(field)} {day:yyyy-MM-dd} 距门店今天（{today:yyyy-MM-dd}）超过 {MostDaysAway} 天。");
        return errors;
    }

    private async Task<Outcome> Set(string code, Func<Task<bool>> write)
    {
        if (!await write()) return new(null, new FieldErrors());
        await cluster.GetGrain<IStoreGrain>(code).ProfileChanged();
        return new(await stores.Find(code), new FieldErrors());
    }
}
