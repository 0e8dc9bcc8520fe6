using System.Globalization;
using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Analysis;

namespace SmartStore.Web.Api;

/// <summary>A store's day at the till for the page and the API: its receipts held against its till cameras' pictures.</summary>
public sealed class TillDesk(TillReceipts receipts, IOptions<TillTraceOptions> options)
{
    public TillTraceOptions Options => options.Value;

    /// <summary>The store-local day asked for (yyyy-MM-dd), the store's today when none; null (with the error) when unreadable.</summary>
    public static DateOnly? Day(string? asked, Store store, DateTime utcNow, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(asked)) return StoreTimeZones.DayOf(utcNow, StoreTimeZones.Find(store.TimeZone));
        if (DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add("date", $"date '{asked}' must be a day, yyyy-MM-dd.", $"日期“{asked}”须为 yyyy-MM-dd。");
        return null;
    }

    public async Task<(TillDay Day, IReadOnlyList<string> Cameras)> Trace(Store store, DateOnly day, CancellationToken cancellationToken = default)
    {
        var zone = StoreTimeZones.Find(store.TimeZone);
        var (fromUtc, toUtc) = (StoreTimeZones.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone), StoreTimeZones.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
        var rung = await receipts.Day(store.Code, day, cancellationToken);
        var frames = await receipts.Frames(store.Code, fromUtc - Options.Window, toUtc + Options.Window, cancellationToken);
        var traced = TillTrace.Check(rung, frames, Options);
        // Visits are the day's own: a run the window reached into from the day before or after belongs to that day.
        var unrung = traced.Unrung.Where(v => v.FromUtc >= fromUtc && v.FromUtc < toUtc).ToList();
        return (traced with { Unrung = unrung }, await receipts.TillCameras(store.Code, cancellationToken));
    }
}
