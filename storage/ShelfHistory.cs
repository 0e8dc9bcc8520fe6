using System.Text.Json;
using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Each store's shelf figures per store-local day, rewritten whole by the store grain (idempotent).</summary>
public sealed class ShelfHistory(SmartStoreDatabase database)
{
    public async Task Write(ShelfDay day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO shelf_daily (store_code, day, planned_slots, observed_slots, observed_planned, matching_slots, compliance, own_facings,
                competitor_facings, out_of_stock, facings)
            VALUES (@StoreCode, @day, @PlannedSlots, @ObservedSlots, @ObservedPlanned, @MatchingSlots, @Compliance, @OwnFacings,
                @CompetitorFacings, @OutOfStock, CAST(@facings AS jsonb))
            ON CONFLICT (store_code, day) DO UPDATE SET planned_slots = EXCLUDED.planned_slots, observed_slots = EXCLUDED.observed_slots,
                observed_planned = EXCLUDED.observed_planned,
                matching_slots = EXCLUDED.matching_slots, compliance = EXCLUDED.compliance, own_facings = EXCLUDED.own_facings,
                competitor_facings = EXCLUDED.competitor_facings, out_of_stock = EXCLUDED.out_of_stock, facings = EXCLUDED.facings,
                updated_at = now()
            """, new
        {
            day.StoreCode, day = day.Day.ToDateTime(TimeOnly.MinValue), day.PlannedSlots, day.ObservedSlots, day.ObservedPlanned, day.MatchingSlots, day.Compliance,
            day.OwnFacings, day.CompetitorFacings, day.OutOfStock, facings = JsonSerializer.Serialize(day.Facings),
        }, cancellationToken: cancellationToken));
    }

    /// <summary>Days of the stores covered (one store, one region, or all the scope allows).</summary>
    public async Task<IReadOnlyList<ShelfDay>> Days(StoreCoverage coverage, DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT d.store_code AS StoreCode, d.day, d.planned_slots AS PlannedSlots, d.observed_slots AS ObservedSlots,
                   d.observed_planned AS ObservedPlanned, d.matching_slots AS MatchingSlots, d.compliance, d.own_facings AS OwnFacings, d.competitor_facings AS CompetitorFacings,
                   d.out_of_stock AS OutOfStock, d.facings::text AS FacingsJson
            FROM shelf_daily d JOIN stores s ON s.code = d.store_code
            WHERE d.day >= @from AND d.day <= @to
              AND {StoreScope.Visible}
              AND (@store::text IS NULL OR s.code = @store)
              AND (@region::text IS NULL OR s.region_code = @region)
            ORDER BY d.day, d.store_code
            """, StoreScope.Parameters(coverage.Scope, new
        {
            from = from.ToDateTime(TimeOnly.MinValue), to = toInclusive.ToDateTime(TimeOnly.MinValue),
            store = coverage.StoreCode, region = coverage.RegionCode,
        }), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDay()).ToList();
    }

    private sealed class Row
    {
        public string StoreCode { get; init; } = "";
        public DateTime Day { get; init; }
        public int PlannedSlots { get; init; }
        public int ObservedSlots { get; init; }
        public int ObservedPlanned { get; init; }
        public int MatchingSlots { get; init; }
        public double? Compliance { get; init; }
        public int OwnFacings { get; init; }
        public int CompetitorFacings { get; init; }
        public int OutOfStock { get; init; }
        public string FacingsJson { get; init; } = "{}";

        public ShelfDay ToDay() => new(StoreCode, DateOnly.FromDateTime(Day), PlannedSlots, ObservedSlots, ObservedPlanned, MatchingSlots, Compliance,
            OwnFacings, CompetitorFacings, OutOfStock, JsonSerializer.Deserialize<Dictionary<string, int>>(FacingsJson) ?? new Dictionary<string, int>());
    }
}
