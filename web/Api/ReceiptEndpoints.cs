using System.Globalization;
using System.Security.Claims;
using SmartStore.GrainInterfaces;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Where an hour's receipts and people disagree enough to look at (setting section Pos).</summary>
public sealed record PosOptions
{
    /// <summary>Receipts in an hour with nobody seen coming in then or the hour before, nor inside.</summary>
    public int MinReceiptsWithoutPeople { get; init; } = 2;
    /// <summary>Entries in an hour without a receipt, on a day the store's POS reported.</summary>
    public int MinEntriesWithoutReceipt { get; init; } = 10;
}

/// <summary>The POS link (seed 001: 2,000 stores' traffic joined with their POS): receipts per store-local hour, pushed by the chain's integration.</summary>
public static class ReceiptEndpoints
{
    /// <summary>The hours of one push: store-local hours ("2026-12-05T14:00"), each with its receipt count and amount.</summary>
    public sealed record ReceiptsInput(IReadOnlyList<ReceiptHourInput?>? Hours);

    public sealed record ReceiptHourInput(string? Hour, int? Receipts, decimal? Amount);

    public const int MaxHours = 2_000;

    public static RouteGroupBuilder MapReceipts(this RouteGroupBuilder api)
    {
        api.MapPut("/stores/{code}/receipts", Write).WithSummary("POS: a store's receipts per store-local hour (count and amount), for conversion").Produces<ReceiptHoursWritten>().WithTags("POS").RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> Write(string code, ReceiptsInput input, ClaimsPrincipal user, StoreRepository stores, StoreReceipts receipts,
        IClusterClient cluster)
    {
        var (store, problem) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return problem!;
        var (hours, errors) = Read(input);
        if (errors.Any) return errors.ToResult();
        // An hour the store was closed throughout: its receipts are counted apart (the store's grain knows its hours).
        var closed = await cluster.GetGrain<IStoreGrain>(store.Code).ClosedThroughout(hours.Select(h => h.HourLocal).ToArray(), TimeSpan.FromHours(1));
        await receipts.Write(store.Code, hours.Select((h, i) => h with { OffHoursReceipts = closed[i] ? h.Receipts : 0 }).ToList(), CancellationToken.None);
        return Results.Ok(new ReceiptHoursWritten(store.Code, hours.Count));
    }

    /// <summary>Every hour checked; one bad hour refuses the push (the integration sends it again, whole).</summary>
    public static (IReadOnlyList<ReceiptHour> Hours, FieldErrors Errors) Read(ReceiptsInput input)
    {
        var errors = new FieldErrors();
        var seen = new HashSet<DateTime>();
        var hours = BatchPush.Read(input.Hours, "hours", "[{\"hour\": \"2026-12-05T14:00\", \"receipts\": 12, \"amount\": 3456.50}, …]", MaxHours, errors,
            (h, field) =>
            {
                if (!DateTime.TryParseExact(h.Hour, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var hour)
                    || hour.Minute != 0 || hour.Second != 0)
                    errors.Add($"{field}.hour", $"{field}.hour '{h.Hour}' must be a store-local hour, yyyy-MM-ddTHH:00.");
                else if (!seen.Add(hour)) errors.Add($"{field}.hour", $"{field}.hour {h.Hour} is given twice.");
                if (h.Receipts is not (>= 0 and <= 100_000)) errors.Add($"{field}.receipts", $"{field}.receipts must be 0 to 100000.");
                if (h.Amount is not { } amount || amount < 0 || amount >= 1_000_000_000_000m) errors.Add($"{field}.amount", $"{field}.amount must be 0 or more.");
                return new ReceiptHour(hour, h.Receipts ?? 0, Math.Round(h.Amount ?? 0, 2));
            });
        return (hours, errors);
    }

    /// <summary>How many store-local hours of receipts were written for the store.</summary>
    public sealed record ReceiptHoursWritten(string Store, int Hours);
}
