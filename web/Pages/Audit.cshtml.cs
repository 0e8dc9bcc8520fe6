using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>
/// 操作日志 (系统管理; seed 000's 日志管理): the whole audit log searched by who, what was done to what and which one, and
/// when, a hundred entries a page, newest first, and exported as it is filtered.
/// </summary>
public sealed class AuditModel(AuditDesk desk) : PageModel
{
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "action")] public string? Action { get; set; }
    [FromQuery(Name = "entity")] public string? Entity { get; set; }
    [FromQuery(Name = "key")] public string? Key { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }
    [FromQuery(Name = "before")] public long? Before { get; set; }

    public IReadOnlyList<AuditTrail.Entry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>The id the next page back starts before, or null on the last page.</summary>
    public long? Older { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var errors = new FieldErrors();
        if (desk.Read(new AuditDesk.Filters(Actor, Action, Entity, Key, From, To, Before), errors) is { } query)
        {
            // One more than a page tells whether there is an older page.
            var found = await desk.Search(query, LogSearch.PageSize + 1, cancellationToken);
            Entries = found.Take(LogSearch.PageSize).ToList();
            if (found.Count > LogSearch.PageSize) Older = Entries[^1].Id;
        }
        Errors = errors.Localized;
        return Page();
    }

    /// <summary>This search's query string with <c>before</c> set (or left out): the links to page back and to the newest.</summary>
    public string Link(string path, long? before) => LogLinks.With(path,
        [("actor", Actor), ("action", Action), ("entity", Entity), ("key", Key), ("from", From), ("to", To), ("before", before?.ToString())]);

    /// <summary>Where an entry's key opens, for the kinds of thing that have a page; null for the rest.</summary>
    public static string? PageOf(AuditTrail.Entry e) => e.Entity switch
    {
        "store" or "staff_cards" => $"/stores/{Uri.EscapeDataString(e.EntityKey)}",
        "camera" or "planogram" when e.EntityKey.Split("/P") is [var camera, var preset] && int.TryParse(preset, out _) =>
            $"/cameras/{Uri.EscapeDataString(camera)}/presets/{preset}",
        "camera" => $"/cameras/{Uri.EscapeDataString(e.EntityKey)}",
        "sku" => $"/skus/{Uri.EscapeDataString(e.EntityKey)}",
        "user" => $"/accounts/{Uri.EscapeDataString(e.EntityKey)}",
        _ => null,
    };
}
