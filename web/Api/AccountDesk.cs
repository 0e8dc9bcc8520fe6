using System.Text.RegularExpressions;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>An account as head office sends it (API body or page form). Scope lists apply to region and store managers only.</summary>
public sealed record AccountInput(string? Username, string? DisplayName, string? Role, IReadOnlyList<string>? RegionCodes,
    IReadOnlyList<string>? StoreCodes, bool? Disabled);

/// <summary>
/// Back-office accounts for the API and the pages alike: who may sign in, with which role over which regions or stores.
/// Passwords are generated here and shown once; a person then changes their own.
/// </summary>
public sealed partial class AccountDesk(UserAccounts accounts, RegionRepository regions, StoreRepository stores)
{
    public const int MinPasswordLength = 10;

    /// <summary>The account created and its first password; null with the errors when refused.</summary>
    public async Task<(UserAccounts.Account? Account, string? Password, FieldErrors Errors)> Create(AccountInput input, string actor)
    {
        var (account, errors) = await Check(input, input.Username, isNew: true);
        if (account is null) return (null, null, errors);
        var password = NewPassword();
        await accounts.Create(account, password, actor);
        return (account, password, errors);
    }

    /// <summary>A first password: handed over once, then changed by its person.</summary>
    public static string NewPassword() => CameraSecret.Generate(14);

    /// <summary>The account a row of an import describes, or null with why not (<see cref="AccountImport"/>).</summary>
    /// <param name="existing">The account a row changes: the regions and stores it already has are not looked up again, so a sheet
    /// sent back is not refused for a store closed since it was given.</param>
    public Task<(UserAccounts.Account? Account, FieldErrors Errors)> Validate(AccountInput input, UserAccounts.Account? existing = null) =>
        Check(input, input.Username, isNew: existing is null, existing);

    /// <param name="revision">The account's version the edit began from (<see cref="UserAccounts.FindWithRevision"/>); null: any.</param>
    public async Task<VersionedSave<UserAccounts.Account>> Update(string username, AccountInput input, string actor, long? revision = null)
    {
        var existing = await accounts.Find(username);
        if (existing is null) return new(null, new FieldErrors(), false);
        var (account, errors) = await Check(input with { Disabled = input.Disabled ?? existing.Disabled }, username, isNew: false);
        if (account is null) return new(null, errors, true);
        if (input.Username is not null && input.Username != username)
            errors.Add("username", "A username cannot be changed; create a new account instead.", "用户名不能修改；请新建账号。");
        if (actor == username && (account.Disabled || account.Role != existing.Role))
            errors.Add("role", "You cannot disable your own account or change your own role.", "不能停用自己的账号，也不能修改自己的角色。");
        if (errors.Any) return new(null, errors, true);
        var (saving, saved) = await accounts.Update(account, actor, revision);
        return saving switch
        {
            Saving.NotFound => new(null, errors, false),
            Saving.ChangedMeanwhile => new(null, errors, true, ChangedMeanwhile: true, await accounts.ChangesSince(username, revision)),
            _ => new(await accounts.Find(username), errors, true, Revision: saved),
        };
    }

    /// <summary>A new password for the account, shown once; every session of it ends. Null when there is no such account.</summary>
    public async Task<string?> ResetPassword(string username, string actor)
    {
        var password = NewPassword();
        return await accounts.SetPassword(username, password, actor) ? password : null;
    }

    /// <summary>A person's own new password, after their current one; whether that was right (wrong guesses are throttled).</summary>
    public async Task<(FieldErrors Errors, bool CurrentRight)> ChangeOwnPassword(string username, string? current, string? password, string? repeated)
    {
        var errors = new FieldErrors();
        var currentRight = !string.IsNullOrEmpty(current) && await accounts.Verify(username, current);
        if (!currentRight) errors.Add("currentPassword", "The current password is not right.", "当前密码不正确。");
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            errors.Add("password", $"The new password needs at least {MinPasswordLength} characters.", $"新密码至少需要 {MinPasswordLength} 个字符。");
        else if (password.Contains(username, StringComparison.OrdinalIgnoreCase) || password == current)
            errors.Add("password", "The new password must differ from the current one and not contain the username.", "新密码不能与当前密码相同，也不能包含用户名。");
        else if (password != repeated)
            errors.Add("password", "The two new passwords differ.", "两次输入的新密码不一致。");
        if (!errors.Any) await accounts.SetPassword(username, password!, username);
        return (errors, currentRight);
    }

    private async Task<(UserAccounts.Account? Account, FieldErrors Errors)> Check(AccountInput input, string? username, bool isNew,
        UserAccounts.Account? existing = null)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(username)) errors.Required("username");
        else if (!UsernamePattern().IsMatch(username))
            errors.Add("username", $"username '{username}' must be 3–40 lower-case letters, digits, '.', '_' or '-'.",
                $"用户名“{username}”须为 3–40 个小写字母、数字、“.”“_”或“-”。");
        if (isNew) errors.NotPathWord("username", username);
        errors.Text("displayName", input.DisplayName, 100);
        if (!RoleCodes.TryParse(input.Role, out var role))
            errors.Add("role", $"role '{input.Role}' is not one of hq_admin, hq_analyst, region_manager, store_manager.",
                $"角色“{input.Role}”须为总部管理员、总部分析师、区域经理或店长之一。");
        var regionCodes = (input.RegionCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToArray();
        var storeCodes = (input.StoreCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToArray();
        // A role sees what it is given: head office the whole chain, a region manager regions (and stores beside them), a store
        // manager stores.
        if (role == Role.RegionManager && regionCodes.Length == 0)
            errors.Add("regionCodes", "A region manager needs at least one region.", "区域经理至少需要负责一个大区。");
        if (role == Role.StoreManager && storeCodes.Length == 0)
            errors.Add("storeCodes", "A store manager needs at least one store.", "店长至少需要负责一家门店。");
        foreach (var code in role == Role.RegionManager ? regionCodes.Except(existing?.RegionCodes ?? []) : [])
            if (await regions.Find(code) is null) errors.Add("regionCodes", $"region '{code}' does not exist.", $"大区“{code}”不存在。");
        await CheckStores(role, regionCodes, role == Role.StoreManager ? storeCodes.Except(existing?.StoreCodes ?? []) : storeCodes, errors);
        if (errors.Any) return (null, errors);
        return (new UserAccounts.Account(0, username!, input.DisplayName!.Trim(), role,
            role == Role.RegionManager ? regionCodes : [], role is Role.StoreManager or Role.RegionManager ? storeCodes : [], input.Disabled ?? false), errors);
    }

    /// <summary>
    /// The stores given must exist (a store manager's new ones; a region manager's all); a region manager's must lie outside
    /// the regions: one of the regions' own stores given again would say nothing more, and its live updates would reach the
    /// manager twice.
    /// </summary>
    private async Task CheckStores(Role role, IReadOnlyList<string> regionCodes, IEnumerable<string> storeCodes, FieldErrors errors)
    {
        if (role is not (Role.StoreManager or Role.RegionManager)) return;
        var codes = storeCodes.ToList();
        if (codes.Count == 0) return;
        var regionOf = await stores.RegionOfEach(codes);
        foreach (var code in codes)
        {
            if (regionOf.GetValueOrDefault(code) is not { } region) errors.Add("storeCodes", $"store '{code}' does not exist.", $"门店“{code}”不存在。");
            else if (role == Role.RegionManager && regionCodes.Contains(region))
                errors.Add("storeCodes", $"store '{code}' is in region {region}, already ticked: give only stores outside the regions.",
                    $"门店“{code}”属于已勾选的大区 {region}：只需另填大区以外的门店。");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,39}$")]
    private static partial Regex UsernamePattern();
}
