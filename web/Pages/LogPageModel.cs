using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>A log page (操作日志, 登录日志) for head office's admins: head-office days, a hundred entries a page newest first, paging back.</summary>
public abstract class LogPageModel<TEntry> : PageModel
{
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "before")] public long? Before { get; set; }

    public IReadOnlyList<TEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>The id the next page back starts before, or null on the last page.</summary>
    public long? Older { get; private set; }

    /// <param name="search">the entries the page's filters match, at most the count given; null with what was wrong said.</param>
    /// <param name="id">an entry's id, where the next page back starts.</param>
    protected async Task<IActionResult> Show(Func<FieldErrors, int, Task<IReadOnlyList<TEntry>?>> search, Func<TEntry, long> id)
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var errors = new FieldErrors();
        // One more than a page tells whether there is an older page.
        if (await search(errors, LogSearch.PageSize + 1) is { } found)
        {
            Entries = found.Take(LogSearch.PageSize).ToList();
            if (found.Count > LogSearch.PageSize) Older = id(Entries[^1]);
        }
        Errors = errors.Localized;
        return Page();
    }

    /// <summary>A link to this search with <c>before</c> set (or left out): paging back, the newest, the export.</summary>
    protected static string Link(string path, IEnumerable<(string Name, string? Value)> filters)
    {
        var query = string.Join("&", filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!.Trim())}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
