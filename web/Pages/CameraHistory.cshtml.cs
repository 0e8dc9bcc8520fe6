using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// 回看: a camera's pictures of a span of one day on its store's clock — what the door saw at 19:50 when the store looked
/// closed, what a shelf showed before a visit — a page of thumbnails at a time, each opening its detail.
/// </summary>
public sealed class CameraHistoryModel(CameraRepository cameras, StoreRepository stores, SnapshotRepository snapshots, CameraScope scope) : PageModel
{
    public const int PageSize = 48;

    [FromRoute] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Store? Store { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<SnapshotRepository.Frame> Frames { get; private set; } = [];
    public int Total { get; private set; }
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        var camera = await cameras.Find(Code);
        if (camera is null) return NotFound();
        if (await scope.Check(User, Code) is { } refusal) return this.Refusal(refusal);
        Store = camera.StoreCode is null ? null : await stores.Find(camera.StoreCode);
        Zone = StoreTimeZones.Find(Store?.TimeZone);
        var now = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Zone);
        var today = DateOnly.FromDateTime(now);
        Day ??= today;
        if (!string.IsNullOrWhiteSpace(From) && ClockText.Parse(From) is null || !string.IsNullOrWhiteSpace(To) && ClockText.Parse(To) is null)
        {
            Refused = T("historyBadTime");
            return Page();
        }
        // Without a choice: today from the top of the hour two hours ago, or the whole of another day.
        var from = ClockText.Parse(From) ?? (Day == today && now.Hour >= 2 ? new TimeOnly(now.Hour - 2, 0) : TimeOnly.MinValue);
        var to = ClockText.Parse(To) ?? TimeOnly.MaxValue;
        (From, To) = (ClockText.Of(from), ClockText.Of(to));
        if (to <= from)
        {
            Refused = T("historySpanBackwards");
            return Page();
        }
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(Day.Value.ToDateTime(from), Zone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(Day.Value.ToDateTime(to), Zone);
        PageNumber = Math.Max(1, PageNumber);
        (Frames, Total) = await snapshots.Between(Code, fromUtc, toUtc, (PageNumber - 1) * PageSize, PageSize);
        return Page();
    }

    /// <summary>A picture's arrival on the store's clock: the time the span is chosen and ordered by.</summary>
    public string Local(DateTime utc, string format = "HH:mm:ss") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// A camera's pictures around a moment of its store's clock: from the top of the hour half an hour before it to the end
    /// of the hour after it (19:50 → 19:00–21:00; 00:10 → 00:00–02:00), within the moment's day.
    /// </summary>
    public static string Around(string camera, DateTime local)
    {
        var from = local.TimeOfDay < TimeSpan.FromMinutes(30) ? 0 : local.AddMinutes(-30).Hour;
        var to = local.Hour >= 22 ? ClockText.EndOfDay : $"{local.Hour + 2:00}:00";
        return $"/cameras/{camera}/history?day={local:yyyy-MM-dd}&from={from:00}:00&to={to}";
    }

    /// <summary>The address of this span on another page of thumbnails.</summary>
    public string PageLink(int page) => $"/cameras/{Code}/history?day={Day:yyyy-MM-dd}&from={From}&to={To}&p={page}";

}
