using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Raises and closes a store's to-dos (待办) for the API and the pages alike: written first, then the store grain is
/// told, so the store manager's phone shows a new to-do, and the reviewer's page a done one, without a reload.
/// </summary>
public sealed class TodoDesk(StoreTodos todos, IClusterClient cluster, ILogger<TodoDesk> log)
{
    /// <inheritdoc cref="StoreTodos.Raise"/>
    public async Task<long?> Raise(string storeCode, long? captureId, string text, string actor)
    {
        var id = await todos.Raise(storeCode, captureId, text, actor);
        if (id is not null) await Announce(storeCode);
        return id;
    }

    /// <inheritdoc cref="StoreTodos.Done"/>
    public async Task<bool> Done(StoreTodo todo, string note, string actor, byte[]? photo = null)
    {
        var done = await todos.Done(todo.Id, note, actor, photo);
        if (done) await Announce(todo.StoreCode);
        return done;
    }

    // The to-do is stored; a live feed that cannot be told now only means pages catch up at their next load.
    private async Task Announce(string storeCode)
    {
        try
        {
            await cluster.GetGrain<IStoreGrain>(storeCode).TodosChanged();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Store {Store}'s to-dos changed but its live viewers could not be told", storeCode);
        }
    }
}
