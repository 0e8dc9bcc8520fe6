using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of accounts from CSV or Excel, for the API and the accounts page alike; all rows or none. A chain rolling
/// out to 2,000 stores has 2,000 store managers to sign in: each gets a first password here, returned once in the
/// answer, to hand over (and change at first use).
/// </summary>
public sealed class AccountImport(UserAccounts accounts, AccountDesk desk) : SheetImport<UserAccounts.Account>(Headers, "Account")
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["用户名"] = "username", ["账号"] = "username", ["code"] = "username", ["姓名"] = "name", ["名称"] = "name", ["display_name"] = "name",
        ["displayname"] = "name", ["角色"] = "role", ["大区"] = "regions", ["region_codes"] = "regions", ["门店"] = "stores", ["门店编码"] = "stores",
        ["store_codes"] = "stores",
    };

    /// <summary>
    /// Each first password is hashed deliberately slowly (about 64 ms), and they exist only in this one answer: a sheet is
    /// kept to what answers within about half a minute, well inside a browser's or proxy's patience. A rollout sends several.
    /// </summary>
    public const int MostRows = 500;

    protected override int MaxRows => MostRows;

    private static readonly Dictionary<string, string> Roles = new()
    {
        ["总部管理员"] = "hq_admin", ["总部分析师"] = "hq_analyst", ["区域经理"] = "region_manager", ["店长"] = "store_manager",
    };

    protected override async Task<UserAccounts.Account?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var role = row.Get("role");
        role = role is not null && Roles.TryGetValue(role, out var code) ? code : role?.ToLowerInvariant();
        var input = new AccountInput(row.Get("username")?.ToLowerInvariant(), row.Get("name"), role, Codes(row.Get("regions")), Codes(row.Get("stores")), false);
        var (account, rowErrors) = await desk.Validate(input);
        errors.AddAll(index, rowErrors);
        return account;
    }

    /// <summary>"S0001|S0002" (or separated by ';' or ','): the codes a region or store manager looks after.</summary>
    private static List<string> Codes(string? text) =>
        (text ?? "").Split(['|', ';', '；', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    protected override string CodeOf(UserAccounts.Account record) => record.Username;

    protected override async Task<bool> Exists(string code) => await accounts.Find(code) is not null;

    protected override async Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<UserAccounts.Account> records, string actor) =>
        await accounts.CreateMany(records, AccountDesk.NewPassword, actor);
}
