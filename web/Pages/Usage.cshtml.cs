using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using SmartStore.Web.Usage;

namespace SmartStore.Web.Pages;

/// <summary>
/// 系统使用情况 (系统管理; seed 001's 企业活跃度分析): who of the chain uses SmartStore, week by week and by region, how far
/// it reaches the stores, compared with the period before; and the accounts nobody uses.
/// </summary>
public sealed class UsageModel(UsageDesk desk, RegionRepository regions) : PageModel
{
    public const int DormantShown = 50;

    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    public UsageReport Report { get; private set; } = null!;
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<AccountUse> Dormant { get; private set; } = [];

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MayEditMasterData) return Forbid();
        var errors = new FieldErrors();
        var (from, to) = desk.Period(From, To, errors);
        if (errors.Any)
        {
            Errors = errors.Localized;
            (from, to) = desk.Period(null, null, new FieldErrors());
        }
        Report = await desk.Report(from, to);
        Dormant = Report.Dormant(DateTime.UtcNow);
        Regions = await regions.List(User.Scope());
        return Page();
    }

    /// <summary>环比: the relative change against the period before, or none when nothing was there to compare with.</summary>
    public static double? Change(int now, int before) => before == 0 ? null : (double)(now - before) / before;

    public static double? Change(double? now, double? before) => now is null || before is not > 0 ? null : (now - before) / before;

    public static string Share(int part, int whole) => whole == 0 ? "—" : ((double)part / whole).ToString("P0");

    public RoleUse Role(Role role) => Report.Roles.Single(r => r.Role == role);

    /// <summary>Head office: admins and analysts together.</summary>
    public (int Accounts, int Active) HeadOffice => (Role(Models.Role.HqAdmin).Accounts + Role(Models.Role.HqAnalyst).Accounts,
        Role(Models.Role.HqAdmin).Active + Role(Models.Role.HqAnalyst).Active);
}
