using SmartStore.Models;
using SmartStore.Web.Api;
using SmartStore.Web.Security;

namespace SmartStore.Web.Usage;

/// <summary>系统使用情况 for head office's own reporting: GET /api/usage?from=&amp;to= (HQ admins).</summary>
public static class UsageEndpoints
{
    public static RouteGroupBuilder MapUsage(this RouteGroupBuilder api)
    {
        api.MapGet("/usage", Usage).WithSummary("使用情况: active accounts, visits and page views by role and week, stores reached, dormant accounts").WithTags("Administration").RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> Usage(string? from, string? to, UsageDesk desk, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (fromDay, toDay) = desk.Period(from, to, errors);
        if (errors.Any) return errors.ToResult();
        var report = await desk.Report(fromDay, toDay, cancellationToken);
        var now = DateTime.UtcNow;
        return Results.Ok(new
        {
            from = fromDay.ToString("yyyy-MM-dd"), to = toDay.ToString("yyyy-MM-dd"),
            accounts = new { enabled = report.Enabled, active = report.Active, activeBefore = report.ActiveBefore },
            stores = new { total = report.Stores, reached = report.StoresReached, reachedBefore = report.StoresReachedBefore },
            views = report.Views, phoneViews = report.PhoneViews,
            visits = new
            {
                total = report.Visits, perActive = report.VisitsPerActive, perActiveBefore = report.VisitsPerActiveBefore,
                minutesPerVisit = report.MinutesPerVisit,
            },
            roles = report.Roles.Select(r => new
            {
                role = r.Role.ToCode(), accounts = r.Accounts, active = r.Active, activeBefore = r.ActiveBefore, views = r.Views, phoneViews = r.PhoneViews,
                visits = r.Visits, visitsBefore = r.VisitsBefore, activeSeconds = r.ActiveSeconds,
            }),
            weeks = report.Weeks.Select(w => new
            {
                monday = w.Monday.ToString("yyyy-MM-dd"), hqAdmins = w.HqAdmins, hqAnalysts = w.HqAnalysts,
                regionManagers = w.RegionManagers, storeManagers = w.StoreManagers, days = w.Days,
            }),
            regions = report.Regions,
            people = report.Accounts.Select(a => new
            {
                username = a.Username, displayName = a.DisplayName, role = a.Role.ToCode(), disabled = a.Disabled, activeDays = a.ActiveDays,
                views = a.Views, phoneViews = a.PhoneViews, visits = a.Visits, lastSeenUtc = a.LastSeenUtc, lastSignInUtc = a.LastSignInUtc,
                dormant = a.IsDormant(now),
            }),
        });
    }
}
