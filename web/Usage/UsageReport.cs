using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Usage;

/// <summary>
/// How one role used SmartStore in the period: its enabled accounts, those active, and those active the period before (环比);
/// its pages, the visits they made up (then and before) and the seconds between a visit's pages.
/// </summary>
public sealed record RoleUse(Role Role, int Accounts, int Active, int ActiveBefore, long Views, long PhoneViews,
    long Visits = 0, long VisitsBefore = 0, long ActiveSeconds = 0);

/// <summary>The accounts active in a week (Monday first), by role.</summary>
public sealed record WeekUse(DateOnly Monday, int HqAdmins, int HqAnalysts, int RegionManagers, int StoreManagers)
{
    public int Total => HqAdmins + HqAnalysts + RegionManagers + StoreManagers;

    /// <summary>The week's days within the period: a week cut by its start or end (or not over yet) has fewer than 7, and fewer people.</summary>
    public int Days { get; init; } = 7;
}

/// <summary>A region's managers and stores, and how many of them used SmartStore in the period.</summary>
public sealed record RegionUse(string Code, int RegionManagers, int RegionManagersActive, int StoreManagers, int StoreManagersActive, int Stores, int StoresReached);

/// <summary>One account's use of the period (never seen: <see cref="LastSeenUtc"/> null).</summary>
public sealed record AccountUse(string Username, string DisplayName, Role Role, bool Disabled, int ActiveDays, long Views, long PhoneViews,
    DateTime? LastSeenUtc, DateTime? LastSignInUtc, long Visits = 0)
{
    /// <summary>Enabled, and not seen for <see cref="UsageReport.DormantAfterDays"/> days before <paramref name="utcNow"/> (or never).</summary>
    public bool IsDormant(DateTime utcNow) => !Disabled && (LastSeenUtc is not { } seen || seen < utcNow.AddDays(-UsageReport.DormantAfterDays));
}

/// <summary>
/// 系统使用情况 (seed 001's 企业活跃度分析): who of the chain uses SmartStore — head office, region and store managers —
/// how often, on the phone or not, how far it reaches the stores, compared with the period before; and the accounts
/// nobody uses (dormant: not seen for <see cref="DormantAfterDays"/> days).
/// </summary>
public sealed record UsageReport(DateOnly From, DateOnly To, IReadOnlyList<RoleUse> Roles, IReadOnlyList<WeekUse> Weeks,
    IReadOnlyList<RegionUse> Regions, int Stores, int StoresReached, int StoresReachedBefore, IReadOnlyList<AccountUse> Accounts)
{
    public const int DormantAfterDays = 14;

    public long Views => Roles.Sum(r => r.Views);
    public long PhoneViews => Roles.Sum(r => r.PhoneViews);
    public int Active => Roles.Sum(r => r.Active);
    public int ActiveBefore => Roles.Sum(r => r.ActiveBefore);
    public int Enabled => Roles.Sum(r => r.Accounts);
    public long Visits => Roles.Sum(r => r.Visits);

    /// <summary>访问频次: visits per active account, in the period and the one before (null: nobody active).</summary>
    public double? VisitsPerActive => Active == 0 ? null : (double)Visits / Active;

    public double? VisitsPerActiveBefore => ActiveBefore == 0 ? null : (double)Roles.Sum(r => r.VisitsBefore) / ActiveBefore;

    /// <summary>平均停留时长: minutes between the first and last page of a visit, on average (null: no visit).</summary>
    public double? MinutesPerVisit => Visits == 0 ? null : Roles.Sum(r => r.ActiveSeconds) / 60.0 / Visits;

    /// <summary>Enabled accounts not seen for <see cref="DormantAfterDays"/> days before <paramref name="utcNow"/>, never seen first.</summary>
    public IReadOnlyList<AccountUse> Dormant(DateTime utcNow) => Accounts.Where(a => a.IsDormant(utcNow))
        .OrderBy(a => a.LastSeenUtc ?? DateTime.MinValue).ThenBy(a => a.Username, StringComparer.Ordinal).ToList();

    /// <summary>Builds the report from the accounts, their use, and every store's region.</summary>
    public static UsageReport Of(DateOnly from, DateOnly to, IReadOnlyList<UserAccounts.Account> accounts, IReadOnlyList<AccountDays.Use> uses,
        IReadOnlyList<(DateOnly Monday, string Username)> weekly, IReadOnlyDictionary<string, DateTime> lastSeen, IReadOnlyDictionary<string, string> storeRegions)
    {
        var use = uses.ToDictionary(u => u.Username);
        var people = accounts.Select(a => (Account: a, Use: use.GetValueOrDefault(a.Username))).ToList();
        bool ActiveNow((UserAccounts.Account, AccountDays.Use? Use) p) => p.Use is { ActiveDays: > 0 };
        bool ActiveBefore((UserAccounts.Account, AccountDays.Use? Use) p) => p.Use is { ActiveBefore: true };

        var roles = Enum.GetValues<Role>().Select(role =>
        {
            // Active now or before counts every account of the role, one since disabled too: it was used then.
            var of = people.Where(p => p.Account.Role == role).ToList();
            return new RoleUse(role, of.Count(p => !p.Account.Disabled), of.Count(ActiveNow), of.Count(ActiveBefore),
                of.Sum(p => p.Use?.Views ?? 0), of.Sum(p => p.Use?.PhoneViews ?? 0),
                of.Sum(p => p.Use?.Visits ?? 0), of.Sum(p => p.Use?.VisitsBefore ?? 0), of.Sum(p => p.Use?.ActiveSeconds ?? 0));
        }).ToList();

        // A store is reached when a store manager of it used SmartStore: seed 001's 人群范围 down to the shop floor.
        var storeManagers = people.Where(p => p.Account.Role == Role.StoreManager).ToList();
        var reached = storeManagers.Where(ActiveNow).SelectMany(p => p.Account.StoreCodes).Where(storeRegions.ContainsKey).ToHashSet();
        var reachedBefore = storeManagers.Where(ActiveBefore).SelectMany(p => p.Account.StoreCodes).Where(storeRegions.ContainsKey).ToHashSet();

        var regionOf = (UserAccounts.Account a) => a.StoreCodes.Select(s => storeRegions.GetValueOrDefault(s)).OfType<string>().Distinct();
        var regions = storeRegions.Values.Distinct().Order(StringComparer.Ordinal).Select(code =>
        {
            var managers = people.Where(p => p.Account.Role == Role.RegionManager && !p.Account.Disabled && p.Account.RegionCodes.Contains(code)).ToList();
            var shops = storeManagers.Where(p => !p.Account.Disabled && regionOf(p.Account).Contains(code)).ToList();
            return new RegionUse(code, managers.Count, managers.Count(ActiveNow), shops.Count, shops.Count(ActiveNow),
                storeRegions.Count(s => s.Value == code), reached.Count(s => storeRegions[s] == code));
        }).ToList();

        var roleOf = accounts.ToDictionary(a => a.Username, a => a.Role);
        var weeks = weekly.GroupBy(w => w.Monday).OrderBy(g => g.Key).Select(g =>
        {
            int Count(Role role) => g.Count(w => roleOf.GetValueOrDefault(w.Username, (Role)(-1)) == role);
            return new WeekUse(g.Key, Count(Role.HqAdmin), Count(Role.HqAnalyst), Count(Role.RegionManager), Count(Role.StoreManager))
            {
                Days = Math.Min(g.Key.AddDays(6).DayNumber, to.DayNumber) - Math.Max(g.Key.DayNumber, from.DayNumber) + 1,
            };
        }).ToList();

        var list = people.Select(p => new AccountUse(p.Account.Username, p.Account.DisplayName, p.Account.Role, p.Account.Disabled,
            p.Use?.ActiveDays ?? 0, p.Use?.Views ?? 0, p.Use?.PhoneViews ?? 0, lastSeen.TryGetValue(p.Account.Username, out var seen) ? seen : null,
            p.Account.LastSignInUtc, p.Use?.Visits ?? 0)).ToList();
        return new UsageReport(from, to, roles, weeks, regions, storeRegions.Count, reached.Count, reachedBefore.Count, list);
    }
}
