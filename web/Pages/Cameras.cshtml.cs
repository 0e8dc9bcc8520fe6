using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Pages;

public sealed class CamerasModel(CameraRepository cameras) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Store { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Page<Camera> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGet()
    {
        PageNumber = Math.Max(1, PageNumber);
        Result = await cameras.List(User.Scope(), string.IsNullOrEmpty(Store) ? null : Store, Q, PageNumber, 20);
    }
}
