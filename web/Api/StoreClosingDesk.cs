using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Closes a store for good (闭店) or reopens it, for the API and the store's page alike, and tells the store's grain: from
/// the date on its hours are closed every day, so it and its cameras stop expecting customers and pictures.
/// </summary>
public sealed class StoreClosingDesk(StoreRepository stores, IClusterClient cluster)
{
    /// <summary>How far from the store's today a closing date may lie: a year back (recorded late) or ahead (planned).</summary>
    public const int MostDaysAway = 366;

    /// <param name="Store">the store as it is now; null with no errors: there is no such store.</param>
    public sealed record Outcome(Store? Store, FieldErrors Errors);

    public async Task<Outcome> Close(string code, DateOnly? closedOn, string actor)
    {
        var errors = new FieldErrors();
        if (await stores.Find(code) is not { } store) return new(null, errors);
        if (closedOn is not { } date) errors.Required("closedOn");
        else if (Math.Abs(date.DayNumber - Today(store).DayNumber) > MostDaysAway)
            errors.Add("closedOn", $"closedOn {date:yyyy-MM-dd} is more than {MostDaysAway} days from the store's today ({Today(store):yyyy-MM-dd}).",
                $"闭店日期 {date:yyyy-MM-dd} 距门店今天（{Today(store):yyyy-MM-dd}）超过 {MostDaysAway} 天。");
        if (errors.Any) return new(store, errors);
        return await Set(code, closedOn, actor, errors);
    }

    public Task<Outcome> Reopen(string code, string actor) => Set(code, null, actor, new FieldErrors());

    private async Task<Outcome> Set(string code, DateOnly? closedOn, string actor, FieldErrors errors)
    {
        if (!await stores.SetClosedOn(code, closedOn, actor)) return new(null, errors);
        await cluster.GetGrain<IStoreGrain>(code).ProfileChanged();
        return new(await stores.Find(code), errors);
    }

    private static DateOnly Today(Store store) => StoreTimeZones.DayOf(DateTime.UtcNow, StoreTimeZones.Find(store.TimeZone));
}
