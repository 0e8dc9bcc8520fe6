using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>数据库表 and the pictures' disk, for head office's admins who keep the installation running.</summary>
public sealed class StorageModel(StorageReport report) : PageModel
{
    public StorageReport.View View { get; private set; } = null!;

    /// <summary>The largest day shown, for the bars' lengths.</summary>
    public long LargestDay => View.Pictures.Days.Select(d => d.Bytes).DefaultIfEmpty(0).Max();

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        View = await report.Read(HttpContext.RequestAborted);
        return Page();
    }
}
