using System.Text.Json;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// A store's hours as kept: the week and its ranges in <c>opening_hours</c>, the date it closed for good in <c>closed_on</c>
/// (<see cref="OpeningHours.ClosedFrom"/>) — apart, so saving the hours never sets or clears a closure.
/// </summary>
public static class StoreHours
{
    /// <summary>The hours with the closure, as JSON text, for a query over <c>stores</c> (unqualified: no other table has these columns).</summary>
    public const string WithClosing = "(opening_hours || jsonb_build_object('closedFrom', closed_on))::text";

    /// <summary>The hours to store in <c>opening_hours</c>: without the closure, which only closing or reopening the store writes.</summary>
    public static string Json(OpeningHours hours) => JsonSerializer.Serialize(hours with { ClosedFrom = null }, StorageJson.Options);

    public static OpeningHours Read(string json) => JsonSerializer.Deserialize<OpeningHours>(json, StorageJson.Options)!;
}
