using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Web.Navigation;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>What a page shows for 400/403/404, 500 and 503 (re-executed by the status-code middleware; the code stays).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusPage : PageModel
{
    public const string Path = "/status/{0}";

    [FromRoute] public int Code { get; set; }

    /// <summary>The menu entry head office hid from the reader's role, when that is why the page answered 403.</summary>
    public string? ClosedEntry => HttpContext.Items[MenuGate.ClosedEntry] as string;

    public string Key => Code switch
    {
        403 when ClosedEntry is not null => "menuClosed",
        403 => "denied",
        404 => "notFound",
        400 => "badRequest",
        503 => "unavailable",
        _ => "failed",
    };

    /// <summary>Why, in a line: for a closed menu entry, which one and who to ask.</summary>
    public string Hint => ClosedEntry is { } key && MenuCatalogue.Find(key) is { } entry
        ? string.Format(T("menuClosedHint"), T(entry.LabelKey(User.Scope().Role)))
        : T(Key + "Hint");

    public void OnGet() { }

    public void OnPost() { }
}
