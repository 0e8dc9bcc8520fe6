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
    /// <param name="revision">The store's version the edit began from (<see cref="StoreRepository.FindWithRevision"/>); null: any.</param>
    public async Task<VersionedSave<Store>> Update(string code, StoreInput input, string actor, long? revision = null)
    {
        var (store, errors) = await validation.Store(input, code);
        if (store is null) return new(null, errors, true);
        var (saving, saved) = await stores.Update(store, actor, revision);
        var outcome = await VersionedSave<Store>.Of(store, saving, saved, () => stores.ChangesSince(code, revision));
        if (outcome.Saved is not null) await cluster.GetGrain<IStoreGrain>(store.Code).ProfileChanged();
        return outcome;
    }
}
