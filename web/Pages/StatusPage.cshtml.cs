using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartStore.Web.Pages;

/// <summary>What a page shows for 400/403/404 and the like (re-executed by the status-code middleware; the code stays).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusPage : PageModel
{
    public const string Path = "/status/{0}";

    [FromRoute] public int Code { get; set; }

    public string Key => Code switch
    {
        403 => "denied",
        404 => "notFound",
        400 => "badRequest",
        _ => "failed",
    };

    public void OnGet() { }

    public void OnPost() { }
}
