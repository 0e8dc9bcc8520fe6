using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Analysis;

namespace SmartStore.Web.Api;

/// <summary>A store's day at the till for the page and the API: its receipts held against its till cameras' pictures.</summary>
public sealed class TillDesk(TillReceipts receipts, StaffCards staffCards, TillEvidence evidence, IOptions<TillTraceOptions> options)
{
    public TillTraceOptions Options => options.Value;

    /// <summary>The store-local day asked for, the store's today when none.</summary>
    public static DateOnly? Day(string? asked, Store store, FieldErrors errors) =>
        Day(asked, StoreTimeZones.DayOf(DateTime.UtcNow, StoreTimeZones.Find(store.TimeZone)), errors);

    /// <summary>The day asked for (yyyy-MM-dd), <paramref name="today"/> when none; null (with the error) when unreadable.</summary>
    public static DateOnly? Day(string? asked, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(asked)) return today;
        if (DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add("date", $"date '{asked}' must be a day, yyyy-MM-dd.", $"日期“{asked}”须为 yyyy-MM-dd。");
        return null;
    }

    public async Task<(TillDay Day, IReadOnlyList<string> Cameras)> Trace(Store store, DateOnly day, CancellationToken cancellationToken = default) =>
        (await Trace(store.Code, StoreTimeZones.Find(store.TimeZone), day, cancellationToken), await receipts.TillCameras(store.Code, cancellationToken));

    /// <summary>
    /// The store's receipts of a store-local day held against its till pictures of that day and the window either side; a
    /// day the keeper no longer traces, as it traced it (its figures the overview's, its pictures gone but the evidence).
    /// </summary>
    public async Task<TillDay> Trace(string storeCode, TimeZoneInfo zone, DateOnly day, CancellationToken cancellationToken = default)
    {
        if (day < Options.FirstKept(DateTime.UtcNow) && await evidence.Between(OneStore(storeCode), day, day, cancellationToken) is [var stored])
            return await Restore(stored, cancellationToken);
        var (fromUtc, toUtc) = (StoreTimeZones.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone), StoreTimeZones.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
        var rung = await receipts.Day(storeCode, day, cancellationToken);
        var linked = await receipts.Linked(storeCode, rung, cancellationToken);
        // The refunds' sales of other days or stores, and voids after midnight, are held against the pictures of their own
        // moment and store.
        var moments = linked.Where(r => !r.IsRefund).Select(sale => (sale.StoreCode, At: sale.RungUtc))
            .Concat(rung.Where(r => r.VoidedUtc is not null).Select(r => (r.StoreCode, At: r.VoidedUtc!.Value)));
        var spans = moments.Where(m => m.StoreCode != storeCode || m.At < fromUtc || m.At >= toUtc)
            .Select(m => (m.StoreCode, m.At - Options.Window, m.At + Options.Window))
            .Prepend((storeCode, fromUtc - Options.Window, toUtc + Options.Window)).ToList();
        var frames = await receipts.Frames(spans, cancellationToken);
        var cards = rung.Select(r => r.MemberCard).OfType<string>().Distinct().ToList();
        var staff = await staffCards.Among(cards, cancellationToken);
        var cardSales = await receipts.CardSales(cards, day, cancellationToken);
        var checkedDay = TillTrace.Check(rung, frames, Options, DateTime.UtcNow, linked, staff, cardSales);
        // Visits are the store's and the day's own: a run the window reached into from the day before or after belongs to
        // that day, and another store's pictures are there only for its sales.
        return checkedDay with
        {
            Unrung = checkedDay.Unrung.Where(v => v.Picture.StoreCode == storeCode && v.FromUtc >= fromUtc && v.FromUtc < toUtc).ToList(),
        };
    }

    /// <summary>One stored day, its refunds tied to their sales and its sales to their refunds of other days and stores.</summary>
    private async Task<TillDay> Restore(StoredTillDay stored, CancellationToken cancellationToken)
    {
        var read = await Traced(OneStore(stored.StoreCode), stored.Day, stored.Day, cancellationToken);
        var rung = read.Select(r => r.Receipt).ToList();
        var linked = await receipts.Linked(stored.StoreCode, rung, cancellationToken);
        return (await Restored([(stored, read)], new RefundLedger(rung.Concat(linked)), cancellationToken))[(stored.StoreCode, stored.Day)];
    }

    /// <summary>
    /// The covered stores' days from <paramref name="from"/> to <paramref name="to"/> as the keeper last stored them (the
    /// overview's figures; a day it never stored is missing), by store and day, in three queries whatever the span; a
    /// refund is tied to its sale when that is among them.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Store, DateOnly Day), TillDay>> Stored(StoreCoverage coverage, DateOnly from, DateOnly to,
        CancellationToken cancellationToken = default)
    {
        var days = await evidence.Between(coverage, from, to, cancellationToken);
        var read = (await Traced(coverage, from, to, cancellationToken)).ToLookup(r => (r.Receipt.StoreCode, DateOnly.FromDateTime(r.Receipt.RungLocal)));
        var stored = days.Select(d => (Day: d, Receipts: (IReadOnlyList<(TillReceipt Receipt, TracedReceipt? Trace)>)read[(d.StoreCode, d.Day)].ToList()))
            .ToList();
        // One ledger of every receipt read ties each day's refunds to their sales and its sales to their refunds.
        return await Restored(stored, new RefundLedger(stored.SelectMany(d => d.Receipts).Select(r => r.Receipt)), cancellationToken);
    }

    /// <summary>Stored days with their receipts' traces, as traced: the pictures still kept looked up once for all of them.</summary>
    private async Task<IReadOnlyDictionary<(string Store, DateOnly Day), TillDay>> Restored(
        IReadOnlyList<(StoredTillDay Day, IReadOnlyList<(TillReceipt Receipt, TracedReceipt? Trace)> Receipts)> days, RefundLedger ledger,
        CancellationToken cancellationToken)
    {
        var visits = days.ToDictionary(d => (d.Day.StoreCode, d.Day.Day), d => VisitsOf(d.Day.Visits));
        var kept = await evidence.Kept(TillTrace.PicturesOf(days.SelectMany(d => d.Receipts).Select(r => r.Trace).OfType<TracedReceipt>(),
            visits.Values.SelectMany(v => v)), cancellationToken);
        return days.ToDictionary(d => (d.Day.StoreCode, d.Day.Day), d =>
        {
            var traces = d.Receipts.Where(r => r.Trace is not null).ToDictionary(r => r.Receipt.Number, r => r.Trace!);
            return TillTrace.Restore(d.Receipts.Select(r => r.Receipt).ToList(), ledger, traces, visits[(d.Day.StoreCode, d.Day.Day)], kept)
                with { TracedAtUtc = d.Day.TracedAtUtc };
        });
    }

    /// <summary>The covered stores' receipts of those days, each with the trace the keeper stored (null: never traced).</summary>
    private async Task<IReadOnlyList<(TillReceipt Receipt, TracedReceipt? Trace)>> Traced(StoreCoverage coverage, DateOnly from, DateOnly to,
        CancellationToken cancellationToken) =>
        (await receipts.WithTraces(coverage, from, to, cancellationToken)).Select(r => (r.Receipt, r.Trace is null ? null : TraceOf(r.Trace))).ToList();

    /// <summary>One store, whoever asks: the caller has already checked the store is theirs to see.</summary>
    private static StoreCoverage OneStore(string storeCode) => new(AccessScope.Everything(Role.HqAdmin), storeCode, null);

    private static TracedReceipt TraceOf(string json) => JsonSerializer.Deserialize<TracedReceipt>(json, StorageJson.Options)!;

    private static List<UnrungVisit> VisitsOf(string json) => JsonSerializer.Deserialize<List<UnrungVisit>>(json, StorageJson.Options) ?? [];
}
