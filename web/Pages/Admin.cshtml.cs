using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>System administration for HQ admins: API keys for integrators and the latest entries of the audit log.</summary>
public sealed class AdminModel(ApiKeys keys, RegionRepository regions, SmartStoreDatabase database, ApiKeyUsage usage, SignInLog signIns) : PageModel
{
    public const int AuditEntries = 50, SignInEntries = 50;

    public IReadOnlyList<ApiKeys.KeyInfo> Keys { get; private set; } = [];
    public IReadOnlyList<AuditTrail.Entry> Audit { get; private set; } = [];
    public IReadOnlyList<SignInLog.Entry> SignIns { get; private set; } = [];

    /// <summary>登录日志's filter: one account, one outcome.</summary>
    [FromQuery(Name = "signInUser")] public string? SignInUser { get; set; }
    [FromQuery(Name = "signInOutcome")] public string? SignInOutcome { get; set; }
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public SecretShown? Shown { get; private set; }
    public string? Notice { get; private set; }

    [BindProperty] public string? KeyName { get; set; }
    [BindProperty] public string KeyRole { get; set; } = RoleCodes.HqAnalyst;
    [BindProperty] public List<string> KeyRegions { get; set; } = [];
    [BindProperty] public string? KeyStores { get; set; }

    public static readonly string[] RoleChoices = [RoleCodes.HqAnalyst, RoleCodes.RegionManager, RoleCodes.StoreManager, RoleCodes.HqAdmin];

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostIssue()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var stores = (KeyStores ?? "").Split([',', ' ', ';', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new ApiKeyInput(KeyName?.Trim(), KeyRole,
            KeyRole == RoleCodes.RegionManager ? KeyRegions : [], KeyRole == RoleCodes.StoreManager ? stores : []);
        var (scope, errors) = AdminValidation.ApiKey(input);
        if (scope is null) Errors = errors.Localized;
        else
        {
            var (info, key) = await keys.Issue(input.Name!, scope, User.Actor());
            Shown = new SecretShown(string.Format(T("keyIssued"), info.Name), null, key);
            Response.Headers.CacheControl = "no-store";
            KeyName = null;
            KeyStores = null;
            KeyRegions = [];
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostRevoke(int id)
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        Notice = await keys.Revoke(id, User.Actor()) ? T("keyRevoked") : T("keyAlreadyRevoked");
        await Load();
        return Page();
    }

    public string ScopeText(ApiKeys.KeyInfo key) => Display.ScopeText(key.Scope, Regions);

    private async Task Load()
    {
        // The calls of the last seconds too: an admin about to revoke a key sees whether it is in use now.
        await usage.Flush();
        Keys = (await keys.List()).OrderByDescending(k => k.Id).ToList();
        Audit = await AuditTrail.Search(database, new AuditTrail.Query(), AuditEntries);
        SignInUser = string.IsNullOrWhiteSpace(SignInUser) ? null : SignInUser.Trim();
        SignInOutcome = SignInLog.Outcomes.Contains(SignInOutcome) ? SignInOutcome : null;
        SignIns = await signIns.Recent(SignInUser, SignInOutcome, SignInEntries);
        Regions = await regions.List(User.Scope());
    }
}
