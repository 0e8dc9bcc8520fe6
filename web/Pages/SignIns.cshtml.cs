using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>
/// 登录日志 (系统管理; seed 000's 日志管理): every sign-in tried on the web, searched by account, outcome, the address it came
/// from (one address trying many accounts) and head-office days, a hundred a page, newest first, and exported as filtered.
/// </summary>
public sealed class SignInsModel(SignInDesk desk) : PageModel
{
    [FromQuery(Name = "username")] public string? Username { get; set; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; set; }
    [FromQuery(Name = "address")] public string? Address { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "before")] public long? Before { get; set; }

    public IReadOnlyList<SignInLog.Entry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>The id the next page back starts before, or null on the last page.</summary>
    public long? Older { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var errors = new FieldErrors();
        if (desk.Read(new SignInDesk.Filters(Username, Outcome, Address, From, To, Before), errors) is { } query)
        {
            // One more than a page tells whether there is an older page.
            var found = await desk.Search(query, LogSearch.PageSize + 1, cancellationToken);
            Entries = found.Take(LogSearch.PageSize).ToList();
            if (found.Count > LogSearch.PageSize) Older = Entries[^1].Id;
        }
        Errors = errors.Localized;
        return Page();
    }

    /// <summary>This search's query string with <c>before</c> set (or left out): the links to page back, to the newest and to export.</summary>
    public string Link(string path, long? before) => LogLinks.With(path,
        [("username", Username), ("outcome", Outcome), ("address", Address), ("from", From), ("to", To), ("before", before?.ToString())]);
}
