using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Changes a store's master data, for the API and the back-office page alike, and tells the store's grain: opening hours,
/// time zone and region are what the store and its cameras decide by (closures, view checks, whose totals it joins).
/// </summary>
public sealed class StoreProfileDesk(StoreRepository stores, MasterDataValidation validation, IClusterClient cluster)
{
    /// <param name="Store">The store as saved; null when refused (<see cref="Errors"/>) or not found.</param>
    public sealed record Outcome(Store? Store, FieldErrors Errors, bool Found);

    public async Task<Outcome> Update(string code, StoreInput input, string actor)
    {
        var (store, errors) = await validation.Store(input, code);
        if (store is null) return new(null, errors, true);
        if (!await stores.Update(store, actor)) return new(null, errors, false);
        await cluster.GetGrain<IStoreGrain>(store.Code).ProfileChanged();
        return new(store, errors, true);
    }
}
