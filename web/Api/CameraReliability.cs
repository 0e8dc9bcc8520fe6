using SmartStore.Models;
using SmartStore.Storage;
using static SmartStore.Storage.CameraIncidents;

namespace SmartStore.Web.Api;

/// <summary>One camera's record over a report's period: how long it was open to see, how often and how long it was blind.</summary>
/// <param name="OpenMinutes">its store's opening hours within the period (up to now).</param>
/// <param name="OfflineMinutes">offline time within those hours: a camera silent overnight in a closed store lost nothing.</param>
/// <param name="FaultMinutes">view faults' time within those hours (blocked, moved, too dark … counted once where two overlap).</param>
/// <param name="Uptime">share of the open time it was online (null: the store was never open in the period).</param>
public sealed record CameraReliabilityRow(string CameraCode, string Kind, string StoreCode, string StoreName, string RegionCode,
    double OpenMinutes, int OfflineCount, double OfflineMinutes, int FaultCount, double FaultMinutes, IReadOnlyList<string> FaultKinds,
    bool OfflineNow, double? Uptime);

/// <summary>A region's cameras added up; <see cref="Uptime"/> weighs each camera by its store's open time.</summary>
public sealed record RegionReliability(string RegionCode, int Cameras, int CamerasWithIncidents, double OpenMinutes, double OfflineMinutes,
    double FaultMinutes, double? Uptime);

/// <summary>设备运维报表: the cameras a report covers over a period, the ones that failed worst first.</summary>
public sealed record CameraReliabilityResult(string? Store, string? Region, DateOnly From, DateOnly To, int Cameras, int CamerasWithIncidents,
    double? Uptime, IReadOnlyList<RegionReliability> Regions, IReadOnlyList<CameraReliabilityRow> Rows);

/// <summary>
/// Counts camera incidents against opening hours. An outage runs from the last heartbeat to the next one, so a camera
/// unplugged at closing time and back next morning has a 12-hour incident that cost the store nothing: only the part
/// inside the store's hours is blind time. The period is store-local dates, each store on its own clock.
/// </summary>
public static class CameraReliability
{
    public static CameraReliabilityResult Of(string? store, string? region, DateOnly from, DateOnly to, IReadOnlyList<CoveredCamera> cameras,
        IReadOnlyDictionary<string, Store> stores, IReadOnlyList<Incident> incidents, DateTime nowUtc)
    {
        var byCamera = incidents.ToLookup(i => i.CameraCode);
        var all = cameras.Where(c => stores.ContainsKey(c.StoreCode))
            .Select(c => Row(c, stores[c.StoreCode], byCamera[c.Code].ToList(), from, to, nowUtc)).ToList();
        var failed = all.Where(r => r.OfflineCount + r.FaultCount > 0)
            .OrderByDescending(r => r.OfflineMinutes + r.FaultMinutes).ThenByDescending(r => r.OfflineCount + r.FaultCount)
            .ThenBy(r => r.CameraCode, StringComparer.Ordinal).ToList();
        var regions = all.GroupBy(r => r.RegionCode).Select(g => new RegionReliability(g.Key, g.Count(),
                g.Count(r => r.OfflineCount + r.FaultCount > 0), Round(g.Sum(r => r.OpenMinutes)), Round(g.Sum(r => r.OfflineMinutes)),
                Round(g.Sum(r => r.FaultMinutes)), Uptime(g.Sum(r => r.OpenMinutes), g.Sum(r => r.OfflineMinutes))))
            .OrderBy(r => r.Uptime ?? 1).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ToList();
        return new CameraReliabilityResult(store, region, from, to, all.Count, failed.Count,
            Uptime(all.Sum(r => r.OpenMinutes), all.Sum(r => r.OfflineMinutes)), regions, failed);
    }

    private static CameraReliabilityRow Row(CoveredCamera camera, Store store, IReadOnlyList<Incident> incidents, DateOnly from, DateOnly to, DateTime nowUtc)
    {
        var zone = StoreTimeZones.Find(store.TimeZone);
        var period = (Start: StoreTimeZones.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone), End: Min(StoreTimeZones.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), nowUtc));
        var open = OpenSpans(store.OpeningHours, zone, from, to, period);
        // Only what touched the store's hours counts, times as well as minutes: an outage overnight is no failure.
        var offline = incidents.Where(i => i.Kind == OfflineKind && Touches(i, open, nowUtc)).ToList();
        var faults = incidents.Where(i => i.Kind != OfflineKind && Touches(i, open, nowUtc)).ToList();
        double openMinutes = open.Sum(s => (s.End - s.Start).TotalMinutes), offlineMinutes = Blind(offline, open, nowUtc);
        return new CameraReliabilityRow(camera.Code, camera.Kind, store.Code, store.Name, store.RegionCode, Round(openMinutes),
            offline.Count, Round(offlineMinutes), faults.Count, Round(Blind(faults, open, nowUtc)),
            faults.Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal).ToList(),
            offline.Any(i => i.EndedUtc is null), Uptime(openMinutes, offlineMinutes));
    }

    /// <summary>The store's open spans over the period in UTC, clipped to it; the day before counts for hours past its midnight.</summary>
    private static List<(DateTime Start, DateTime End)> OpenSpans(OpeningHours hours, TimeZoneInfo zone, DateOnly from, DateOnly to,
        (DateTime Start, DateTime End) period)
    {
        var spans = new List<(DateTime, DateTime)>();
        for (var day = from.AddDays(-1); day <= to; day = day.AddDays(1))
        {
            if (hours.SpanOn(day) is not { } local) continue;
            DateTime start = Max(StoreTimeZones.ToUtc(local.Open, zone), period.Start), end = Min(StoreTimeZones.ToUtc(local.Close, zone), period.End);
            if (end > start) spans.Add((start, end));
        }
        return spans;
    }

    /// <summary>Minutes of the open spans during any of the incidents (overlapping incidents counted once).</summary>
    private static double Blind(IReadOnlyList<Incident> incidents, IReadOnlyList<(DateTime Start, DateTime End)> open, DateTime nowUtc) =>
        open.Sum(span => DoorGaps.MinutesCovered(incidents.Select(i => (i.StartedUtc, i.EndedUtc ?? nowUtc)), span.Start, span.End));

    private static bool Touches(Incident i, IReadOnlyList<(DateTime Start, DateTime End)> open, DateTime nowUtc) =>
        open.Any(span => i.StartedUtc < span.End && (i.EndedUtc ?? nowUtc) > span.Start);

    private static double? Uptime(double openMinutes, double offlineMinutes) =>
        openMinutes <= 0 ? null : Math.Round(1 - offlineMinutes / openMinutes, 4);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static double Round(double minutes) => Math.Round(minutes, 1);
}
