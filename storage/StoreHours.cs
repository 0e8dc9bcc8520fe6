using System.Text.Json;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// A store's hours as kept: the week and its ranges in <c>opening_hours</c>; its first trading day in <c>opens_on</c> and the
/// date it closed for good in <c>closed_on</c> (<see cref="OpeningHours.OpensFrom"/>, <see cref="OpeningHours.ClosedFrom"/>)
/// — apart, so saving the hours never sets or clears either.
/// </summary>
public static class StoreHours
{
    /// <summary>The hours with the two dates, as JSON text, for a query over <c>stores</c> (unqualified: no other table has these columns).</summary>
    public const string WithDates = "(opening_hours || jsonb_build_object('opensFrom', opens_on, 'closedFrom', closed_on))::text";

    /// <summary>The hours to store in <c>opening_hours</c>: without the two dates, which only setting them writes.</summary>
    public static string Json(OpeningHours hours) => JsonSerializer.Serialize(hours with { OpensFrom = null, ClosedFrom = null }, StorageJson.Options);

    /// <summary>SQL: the store's own today, by its time zone.</summary>
    public const string Today = "(now() AT TIME ZONE time_zone)::date";

    /// <summary>SQL: the store's stage on its own today, as <see cref="StoreStages.ToCode"/> names it (<see cref="OpeningHours.StageOn"/>'s rule).</summary>
    public const string StageToday = $"(CASE WHEN closed_on <= {Today} THEN 'closed' WHEN opens_on > {Today} THEN 'preparing' ELSE 'trading' END)";

    public static OpeningHours Read(string json) => JsonSerializer.Deserialize<OpeningHours>(json, StorageJson.Options)!;
}
