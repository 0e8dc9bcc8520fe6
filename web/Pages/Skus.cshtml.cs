using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Pages;

public sealed class SkusModel(SkuRepository skus, DictionaryRepository dictionary) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Page<Sku> Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<DictionaryEntry> Categories { get; private set; } = [];

    public async Task OnGet()
    {
        PageNumber = Math.Max(1, PageNumber);
        Categories = await dictionary.List(DictionaryRepository.SkuCategory);
        Result = await skus.List(Q, string.IsNullOrEmpty(Category) ? null : Category, null, PageNumber, 20);
    }
}
