using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Todos;

namespace SmartStore.Web.Api;

/// <summary>
/// Raises, closes, accepts and sends back a store's to-dos (待办) for the API and the pages alike: written first, then
/// the store grain is told, so the store manager's phone shows a new or sent-back to-do, and the reviewer's page a done
/// one, without a reload.
/// </summary>
public sealed class TodoDesk(StoreTodos todos, IClusterClient cluster, IOptions<TodoOptions> options, ILogger<TodoDesk> log)
{
    /// <summary>How many days on a to-do is due by default (<see cref="TodoOptions.DueInDays"/>).</summary>
    public int DueInDays => options.Value.DueInDays;

    /// <summary>The deadline sent for a store's to-do (<see cref="TodoDeadline.Check"/>), or the default one.</summary>
    public DateTime? Deadline(string field, string? due, string timeZone, FieldErrors errors) =>
        TodoDeadline.Check(field, due, timeZone, options.Value.DueInDays, DateTime.UtcNow, errors);

    /// <summary>
    /// The deadline of a to-do sent back: the day the reviewer gives; else the one it had while that is still ahead, else
    /// the default — a store is not sent back a to-do already overdue.
    /// </summary>
    public DateTime? ReworkDeadline(StoreTodo todo, string? due, FieldErrors errors) =>
        string.IsNullOrWhiteSpace(due) && todo.DueUtc is { } kept && kept > DateTime.UtcNow ? kept : Deadline("due", due, todo.TimeZone, errors);

    /// <inheritdoc cref="StoreTodos.Raise"/>
    public async Task<long?> Raise(string storeCode, long? captureId, string text, string actor, DateTime dueUtc, TillLead? till = null)
    {
        var id = await todos.Raise(storeCode, captureId, text, actor, dueUtc, till);
        if (id is not null) await Announce(storeCode);
        return id;
    }

    /// <inheritdoc cref="StoreTodos.Accept"/>
    public async Task<bool> Accept(StoreTodo todo, string actor)
    {
        var accepted = await todos.Accept(todo.Id, actor);
        if (accepted) await Announce(todo.StoreCode);
        return accepted;
    }

    /// <inheritdoc cref="StoreTodos.Reject"/>
    public async Task<bool> Reject(StoreTodo todo, string reason, DateTime dueUtc, string actor)
    {
        var rejected = await todos.Reject(todo.Id, reason, dueUtc, actor);
        if (rejected) await Announce(todo.StoreCode);
        return rejected;
    }

    /// <summary>Marks the passed deadlines told (<see cref="StoreTodos.TellOverdue"/>) and tells their stores' live pages; answers how many stores.</summary>
    public async Task<int> TellOverdue(CancellationToken cancellationToken)
    {
        var stores = await todos.TellOverdue(cancellationToken);
        foreach (var store in stores) await Announce(store);
        return stores.Count;
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
