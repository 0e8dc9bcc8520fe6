using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;

namespace SmartStore.Web.Pages;

/// <summary>An account as the accounts pages post it: regions ticked, stores typed as codes.</summary>
public sealed class AccountForm
{
    public string? Username { get; set; }
    public string? DisplayName { get; set; }
    public string Role { get; set; } = RoleCodes.StoreManager;
    public List<string> Regions { get; set; } = [];
    public string? Stores { get; set; }
    public bool Disabled { get; set; }

    public static readonly string[] RoleChoices = [RoleCodes.StoreManager, RoleCodes.RegionManager, RoleCodes.HqAnalyst, RoleCodes.HqAdmin];

    public static AccountForm Of(UserAccounts.Account account) => new()
    {
        Username = account.Username, DisplayName = account.DisplayName, Role = account.Role.ToCode(), Regions = account.RegionCodes.ToList(),
        Stores = string.Join(", ", account.StoreCodes), Disabled = account.Disabled,
    };

    public AccountInput ToInput() => new(Username?.Trim(), DisplayName, Role, Regions,
        (Stores ?? "").Split([',', ' ', ';', '，', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Disabled);
}
