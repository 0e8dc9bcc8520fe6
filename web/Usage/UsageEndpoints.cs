using SmartStore.Models;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Usage;

/// <summary>系统使用情况 for head office's own reporting: GET /api/usage?from=&amp;to= (HQ admins).</summary>
public static class UsageEndpoints
{
    public static RouteGroupBuilder MapUsage(this RouteGroupBuilder api)
    {
        api.MapGet("/usage", Usage).WithSummary("使用情况: active accounts, visits and page views by role and week, stores reached, dormant accounts").Produces<ChainUsage>().WithTags("Administration").RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> Usage(string? from, string? to, UsageDesk desk, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (fromDay, toDay) = desk.Period(from, to, errors);
        if (errors.Any) return errors.ToResult();
        var report = await desk.Report(fromDay, toDay, cancellationToken);
        var now = DateTime.UtcNow;
        return Results.Ok(new ChainUsage
        {
            From = fromDay.ToString("yyyy-MM-dd"), To = toDay.ToString("yyyy-MM-dd"),
            Accounts = new AccountsActive(report.Enabled, report.Active, report.ActiveBefore),
            Stores = new StoresReached(report.Stores, report.StoresReached, report.StoresReachedBefore),
            Views = report.Views, PhoneViews = report.PhoneViews,
            Visits = new VisitFigures(report.Visits, report.VisitsPerActive, report.VisitsPerActiveBefore, report.MinutesPerVisit),
            Roles = report.Roles,
            Weeks = report.Weeks.Select(w => new WeekUsage(w.Monday.ToString("yyyy-MM-dd"), w.HqAdmins, w.HqAnalysts, w.RegionManagers, w.StoreManagers,
                w.Days)).ToList(),
            Regions = report.Regions,
            People = report.Accounts.Select(a => new AccountUsage(a.Username, a.DisplayName, a.Role.ToCode(), a.Disabled, a.ActiveDays, a.Views,
                a.PhoneViews, a.Visits, a.LastSeenUtc, a.LastSignInUtc, a.IsDormant(now))).ToList(),
        });
    }

    /// <summary>使用情况 over a period, each figure with the period before where it has one (环比).</summary>
    public sealed record ChainUsage
    {
        public required string From { get; init; }
        public required string To { get; init; }
        public required AccountsActive Accounts { get; init; }
        public required StoresReached Stores { get; init; }
        public long Views { get; init; }
        public long PhoneViews { get; init; }
        public required VisitFigures Visits { get; init; }
        /// <summary>Each role's use; its role as the API writes roles everywhere (hq_admin …).</summary>
        public required IReadOnlyList<RoleUse> Roles { get; init; }
        public required IReadOnlyList<WeekUsage> Weeks { get; init; }
        public required IReadOnlyList<RegionUse> Regions { get; init; }
        public required IReadOnlyList<AccountUsage> People { get; init; }
    }

    public sealed record AccountsActive(int Enabled, int Active, int ActiveBefore);

    /// <summary>Stores, and those whose store manager used SmartStore in the period and the one before.</summary>
    public sealed record StoresReached(int Total, int Reached, int ReachedBefore);

    /// <summary>Visits, per active account (now and before; null: nobody active), and minutes from a visit's first page to its last.</summary>
    public sealed record VisitFigures(long Total, double? PerActive, double? PerActiveBefore, double? MinutesPerVisit);

    /// <summary>The accounts active in a week (from its Monday) by role, and its days within the period.</summary>
    public sealed record WeekUsage(string Monday, int HqAdmins, int HqAnalysts, int RegionManagers, int StoreManagers, int Days);

    /// <summary>One account's use of the period; dormant: enabled and not seen for 14 days.</summary>
    public sealed record AccountUsage(string Username, string DisplayName, string Role, bool Disabled, int ActiveDays, long Views, long PhoneViews,
        long Visits, DateTime? LastSeenUtc, DateTime? LastSignInUtc, bool Dormant);
}
