using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// 账号与权限: who may sign in, as which role over which regions or stores, found by name, store or region; new accounts
/// one at a time or a sheet of them at once, each with a first password shown once.
/// </summary>
public sealed class AccountsModel(UserAccounts accounts, RegionRepository regions, AccountDesk desk, AccountImport importer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty] public AccountForm Form { get; set; } = new();
    /// <summary>搜索: a username, a name, or a store or region code the account looks after.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "role")] public string? RoleFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>The account just removed on its page, to say so.</summary>
    [FromQuery(Name = "removed")] public string? Removed { get; set; }

    /// <summary>Every account that matches the search, in the order they were created.</summary>
    public IReadOnlyList<UserAccounts.Account> Matching { get; private set; } = [];
    /// <summary>This page's share of <see cref="Matching"/>.</summary>
    public IReadOnlyList<UserAccounts.Account> Accounts => Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();

    public ImportCard Import => new(T("importAccounts"), "username, name, role, regions, stores, disabled",
        "s0101.wang, 王店长, 店长, , S0101", _importOutcome, _importFailure, T("importChangeAccounts"),
        new("/api/accounts/export", T("accountsExport"), T("accountsExportHint")));
    /// <summary>The first passwords of the accounts just imported, in the file's order: shown once.</summary>
    public IReadOnlyList<(string Username, string Password)>? ImportedPasswords =>
        _importOutcome is { Succeeded: true, Secrets: { } passwords, Codes.Count: > 0 } outcome ? outcome.Codes.Select(u => (u, passwords[u])).ToList() : null;
    private ImportOutcome? _importOutcome;
    private string? _importFailure;
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public SecretShown? Shown { get; private set; }

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        try
        {
            var (account, password, errors) = await desk.Create(Form.ToInput(), User.Actor());
            if (account is null) Errors = errors.Localized;
            else
            {
                Shown = FirstPassword(account.Username, password!);
                Response.Headers.CacheControl = "no-store";
                Form = new AccountForm();
            }
        }
        catch (MasterDataConflict e) when (e.Reason == MasterDataConflict.Refusal.Duplicate)
        {
            Errors = [string.Format(T("usernameTaken"), e.Code)];
        }
        await Load();
        return Page();
    }

    /// <param name="change">Rows of accounts that exist change them (the cells filled in) instead of being refused.</param>
    public async Task<IActionResult> OnPostImport(IFormFile? sheet, bool change)
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        (_importOutcome, _importFailure) = await SheetUpload.Import(importer, sheet, User.Actor(), change);
        if (ImportedPasswords is not null) Response.Headers.CacheControl = "no-store";
        await Load();
        return Page();
    }

    /// <summary>The list's address on another page, the search kept.</summary>
    public string PageLink(int page) => $"?q={Uri.EscapeDataString(Q ?? "")}&role={Uri.EscapeDataString(RoleFilter ?? "")}&p={page}";

    /// <summary>A password to hand over once (a new account, or one reset): the person signs in with it and then chooses their own.</summary>
    public static SecretShown FirstPassword(string username, string password) =>
        new(string.Format(T("passwordIssued"), username), username, password, T("username"), T("password"), T("passwordShownOnce"));

    public string ScopeText(UserAccounts.Account account) => Display.ScopeText(account.Scope, Regions);

    private async Task Load()
    {
        var all = await accounts.List();
        var q = Q?.Trim();
        Matching = all.Where(a => (RoleFilter is not { Length: > 0 } role || a.Role.ToCode() == role) && (string.IsNullOrEmpty(q) || Matches(a, q))).ToList();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Matching.Count + PageSize - 1) / PageSize));
        Regions = await regions.List(User.Scope());
    }

    private static bool Matches(UserAccounts.Account a, string q) =>
        a.Username.Contains(q, StringComparison.OrdinalIgnoreCase) || a.DisplayName.Contains(q, StringComparison.OrdinalIgnoreCase)
        || a.StoreCodes.Concat(a.RegionCodes).Any(c => c.Equals(q, StringComparison.OrdinalIgnoreCase));
}
