using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

/// <summary>数据库表 and the pictures' disk, for head office's admins who keep the installation running.</summary>
public sealed class StorageModel(StorageReport report, LogKeeping keeping) : PageModel
{
    public StorageReport.View View { get; private set; } = null!;

    /// <summary>The largest day shown, for the bars' lengths.</summary>
    public long LargestDay => View.Pictures.Days.Select(d => d.Bytes).DefaultIfEmpty(0).Max();

    /// <summary>What a table holds, and for a log how long it is kept (as configured, not a fixed sentence).</summary>
    public string Holds(string table)
    {
        var holds = Display.Word("table", table);
        if (holds == table) return "";
        if (!keeping.KeepsTable(table, out var keep)) return holds;
        return keep is { } k ? string.Format(UiText.T("storageKeptFor"), holds, Display.Duration(k)) : string.Format(UiText.T("storageKeptForever"), holds);
    }

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        View = await report.Read(HttpContext.RequestAborted);
        return Page();
    }
}
