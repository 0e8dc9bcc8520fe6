using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// 节假日营业时间: head office sets a holiday's hours for many stores at once — all, a region, a store type, or a list of
/// codes — and sees every entry the chain has coming, with how many stores have it, to withdraw one everywhere.
/// </summary>
public sealed class SpecialHoursModel(SpecialHoursDesk desk, SpecialHoursImport importer, RegionRepository regions, DictionaryRepository dictionary,
    ReportCalendar calendar) : PageModel
{
    [BindProperty] public SpecialHoursForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Applied { get; set; }
    [BindProperty(SupportsGet = true)] public int? Withdrawn { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    /// <summary>Entries that have ended are listed too.</summary>
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    /// <summary>The calendar's first month, "2027-10"; this month when not given or not a month.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public IReadOnlyList<SpecialHoursGroup> Groups { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<DictionaryEntry> Tags { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public DateOnly Today => calendar.Today;
    /// <summary>The entries the calendar draws from: those ending on or after its first day, past ones too when paged back.</summary>
    private IReadOnlyList<SpecialHoursGroup> _calendarGroups = [];
    /// <summary>Three months from <see cref="CalendarFirst"/>, each day with the holidays in effect.</summary>
    public IReadOnlyList<SpecialHoursCalendar.Month> Months => SpecialHoursCalendar.Of(_calendarGroups, CalendarFirst, CalendarMonths);
    public const int CalendarMonths = 3;
    public DateOnly ThisMonth => new(Today.Year, Today.Month, 1);
    public DateOnly CalendarFirst => SpecialHoursCalendar.FirstOfMonth(Month) ?? ThisMonth;
    /// <summary>The calendar's address starting at <paramref name="first"/>'s month, the list kept as it is.</summary>
    public string CalendarPage(DateOnly first) =>
        Url.Page("/SpecialHours", new { past = Past ? true : (bool?)null, month = first.ToString("yyyy-MM") }) + "#special-calendar";
    public ImportCard Import => new(T("specialImport"), SpecialHoursImport.Columns,
        "S0002, 春节, 2027-02-06, 2027-02-12, 1-7, 11:00, 17:00, 否", ImportOutcome, ImportFailure);
    private ImportOutcome? ImportOutcome { get; set; }
    private string? ImportFailure { get; set; }

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var outcome = await desk.Set(Form.ToInput(), User.Actor());
        if (!outcome.Errors.Any) return RedirectToPage(new { applied = outcome.Stores.Count, reason = outcome.Range!.Reason });
        Errors = outcome.Errors.Localized;
        await Load();
        return Page();
    }

    /// <summary>
    /// Withdraws one listed entry from the stores it lists (those with the same reason, dates and weekdays but other hours,
    /// from a sheet, are listed apart and keep theirs).
    /// </summary>
    public async Task<IActionResult> OnPostWithdraw(string? reason, string? from, string? to, string? weekdays, string? stores)
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var days = (weekdays ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => int.TryParse(d, out var n) ? n : 0).ToList();
        var codes = (stores ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var outcome = await desk.Withdraw(new SpecialHoursInput(reason, from, to, days, null, null, null, null, null, codes), User.Actor());
        if (!outcome.Errors.Any) return RedirectToPage(new { withdrawn = outcome.Stores.Count, reason });
        Errors = outcome.Errors.Localized;
        await Load();
        return Page();
    }

    /// <summary>A sheet of stores' own special hours (each mall's holiday hours), one row per store and range.</summary>
    public async Task<IActionResult> OnPostImport(IFormFile? sheet)
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        (ImportOutcome, ImportFailure) = await SheetUpload.Import(file => importer.Import(file, User.Actor()), sheet);
        await Load();
        return Page();
    }

    private async Task Load()
    {
        // One read serves both: the list from today (or all), the calendar from its first day, which may be months back.
        var listFrom = Past ? DateOnly.MinValue : Today;
        var all = await desk.Groups(CalendarFirst < listFrom ? CalendarFirst : listFrom);
        Groups = all.Where(g => g.Range.To >= listFrom).ToList();
        _calendarGroups = all.Where(g => g.Range.To >= CalendarFirst).ToList();
        Regions = await regions.List(User.Scope());
        Tags = await dictionary.List(DictionaryRepository.StoreTag);
    }
}

/// <summary>The page's form as a browser posts it: store codes typed in one box, the rest as the API takes them.</summary>
public sealed class SpecialHoursForm
{
    public string? Reason { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public List<int> Weekdays { get; set; } = [];
    public string? Open { get; set; }
    public string? Close { get; set; }
    public bool Closed { get; set; }
    public string? RegionCode { get; set; }
    public string? StoreTag { get; set; }
    /// <summary>Codes separated by spaces, commas, 、 or new lines; when given, the region and type are not used.</summary>
    public string? Stores { get; set; }

    public SpecialHoursInput ToInput() => new(Reason, From, To, Weekdays, Open, Close, Closed,
        RegionCode, StoreTag, (Stores ?? "").Split([' ', ',', '，', '、', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
