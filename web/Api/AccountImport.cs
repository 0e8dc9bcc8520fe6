using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of accounts from CSV or Excel, for the API and the accounts page alike; all rows or none. A chain rolling
/// out to 2,000 stores has 2,000 store managers to sign in: each gets a first password here, returned once in the
/// answer, to hand over (and change at first use). Sent to change existing accounts (按表更新), a row whose username exists
/// changes that account by its filled-in cells: a reorganisation moving managers between regions and stores, leavers disabled.
/// </summary>
public sealed class AccountImport(UserAccounts accounts, AccountDesk desk) : SheetImport<UserAccounts.Account>(Headers, "Account")
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["用户名"] = "username", ["账号"] = "username", ["code"] = "username", ["姓名"] = "name", ["名称"] = "name", ["display_name"] = "name",
        ["displayname"] = "name", ["角色"] = "role", ["大区"] = "regions", ["region_codes"] = "regions", ["门店"] = "stores", ["门店编码"] = "stores",
        ["store_codes"] = "stores", ["停用"] = "disabled", ["disabled"] = "disabled",
    };

    /// <summary>
    /// Each first password is hashed deliberately slowly (about 64 ms), and they exist only in this one answer: a sheet is
    /// kept to as many new accounts as answer within about half a minute, well inside a browser's or proxy's patience. A
    /// rollout sends several; a sheet changing accounts (the export of a whole chain sent back) may hold more rows.
    /// </summary>
    public const int MostNew = 500;

    protected override int MostCreated => MostNew;

    private static readonly Dictionary<string, string> Roles = new()
    {
        ["总部管理员"] = "hq_admin", ["总部分析师"] = "hq_analyst", ["区域经理"] = "region_manager", ["店长"] = "store_manager",
    };

    protected override string? CodeIn(IReadOnlyDictionary<string, string> row) => row.Get("username")?.ToLowerInvariant();

    protected override async Task<UserAccounts.Account?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var input = new AccountInput(CodeIn(row), row.Get("name"), RoleCode(row.Get("role")), Codes(row.Get("regions")),
            Codes(row.Get("stores")), false);
        var (account, rowErrors) = await desk.Validate(input);
        errors.AddAll(index, rowErrors);
        // A new account is made to sign in with its first password; one nobody may use is not created.
        if (BulkImport.YesOrNo(row.Get("disabled")) != false)
        {
            errors.Add(index, "A new account cannot be created disabled: leave 停用 empty or 否.", "新账号不能以停用状态创建：停用列请留空或填“否”。");
            return null;
        }
        return account;
    }

    protected override bool Changes => true;

    protected override Task<UserAccounts.Account?> Current(string code) => accounts.Find(code);

    /// <summary>
    /// The cells filled in change the account: name, status, and role and scope together (a role given without its regions
    /// or stores keeps the ones it has). Who sends the sheet may not disable themself or change their own role, as on the page.
    /// </summary>
    protected override async Task<Func<UserAccounts.Account, UserAccounts.Account>?> CheckChange(IReadOnlyDictionary<string, string> row,
        UserAccounts.Account now, int index, RowErrors errors, string actor)
    {
        var (name, role, given) = (row.Get("name"), RoleCode(row.Get("role")), row.Get("disabled"));
        var regions = ListEdit.Read(row.Get("regions"), Separators, out var regionsUnread);
        var stores = ListEdit.Read(row.Get("stores"), Separators, out var storesUnread);
        foreach (var problem in new[] { regionsUnread, storesUnread }.OfType<(string En, string Zh)>()) errors.Add(index, problem.En, problem.Zh);
        var disabled = given is null ? now.Disabled : BulkImport.YesOrNo(given);
        if (disabled is null) errors.Add(index, $"disabled '{given}' must be true/false, 1/0 or 是/否.", $"停用“{given}”须为 是/否、true/false 或 1/0。");
        var self = now.Username == actor && (disabled == true || role is not null && role != now.Role.ToCode());
        if (self) errors.Add(index, "You cannot disable your own account or change your own role.", "不能停用自己的账号，也不能修改自己的角色。");
        var (changed, rowErrors) = await desk.Validate(new AccountInput(now.Username, name ?? now.DisplayName, role ?? now.Role.ToCode(),
            regions?.Over(now.RegionCodes) ?? now.RegionCodes, stores?.Over(now.StoreCodes) ?? now.StoreCodes, disabled ?? now.Disabled), now);
        errors.AddAll(index, rowErrors);
        if (changed is null || disabled is null || self || regionsUnread is not null || storesUnread is not null) return null;
        var scope = role is not null || regions is not null || stores is not null;
        return account => account with
        {
            DisplayName = name is null ? account.DisplayName : changed.DisplayName,
            Role = scope ? changed.Role : account.Role,
            // Edits (+S0002) apply to the account as it is written; a role given alone keeps the scope it has.
            RegionCodes = !scope ? account.RegionCodes : regions is { Whole: null } ? regions.Over(account.RegionCodes) : changed.RegionCodes,
            StoreCodes = !scope ? account.StoreCodes : stores is { Whole: null } ? stores.Over(account.StoreCodes) : changed.StoreCodes,
            Disabled = given is null ? account.Disabled : changed.Disabled,
        };
    }

    protected override async Task<(IReadOnlyDictionary<string, string>? Secrets, IReadOnlyList<string> Changed)> WriteAll(
        IReadOnlyList<UserAccounts.Account> created, IReadOnlyDictionary<string, Func<UserAccounts.Account, UserAccounts.Account>> changes, string actor)
    {
        var (passwords, changed) = await accounts.Import(created, changes, AccountDesk.NewPassword, actor);
        return (passwords, changed.Select(a => a.Username).ToList());
    }

    /// <summary>
    /// The accounts as a sheet in the columns this import reads (Chinese headers and roles), to change and send back with
    /// change=true. No password is in it: those are only ever handed over once.
    /// </summary>
    public static async Task<byte[]> Sheet(IEnumerable<UserAccounts.Account> accounts, CancellationToken cancellationToken) =>
        await Workbook.Save(new Dictionary<string, object>
        {
            ["accounts"] = accounts.Select(a => new Dictionary<string, object?>
            {
                ["用户名"] = a.Username, ["姓名"] = a.DisplayName, ["角色"] = Roles.First(r => r.Value == a.Role.ToCode()).Key,
                ["大区"] = string.Join('|', a.RegionCodes), ["门店"] = string.Join('|', a.StoreCodes), ["停用"] = a.Disabled ? "是" : "否",
            }).ToList(),
        }, cancellationToken);

    /// <summary>A role as the sheet says it (总部管理员 or hq_admin) as its code; what is neither is left for the check to refuse.</summary>
    private static string? RoleCode(string? role) => role is not null && Roles.TryGetValue(role, out var code) ? code : role?.ToLowerInvariant();

    private static readonly char[] Separators = ['|', ';', '；', ',', '，'];

    /// <summary>"S0001|S0002" (or separated by ';' or ','): the codes a region or store manager looks after.</summary>
    private static List<string> Codes(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    protected override string CodeOf(UserAccounts.Account record) => record.Username;

    protected override async Task<bool> Exists(string code) => await accounts.Find(code) is not null;

    protected override async Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<UserAccounts.Account> records, string actor) =>
        await accounts.CreateMany(records, AccountDesk.NewPassword, actor);
}
