using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SmartStore.Web.Pages;

/// <summary>A page's answer to an API-style refusal: 404 where the record does not exist, otherwise 403 (outside the viewer's scope or role).</summary>
public static class PageRefusal
{
    public static IActionResult Refusal(this PageModel page, IResult? problem) =>
        problem is IStatusCodeHttpResult { StatusCode: 404 } ? page.NotFound() : page.Forbid();

    public static IActionResult Refusal(this PageModel page, ScreenRegion.Refusal refusal) =>
        refusal == ScreenRegion.Refusal.Unknown ? page.NotFound() : page.Forbid();
}
