namespace SmartStore.Models;

/// <summary>The four roles of the chain. HQ sees everything; managers see only their regions or store.</summary>
public enum Role
{
    HqAdmin,
    HqAnalyst,
    RegionManager,
    StoreManager,
}

public static class RoleCodes
{
    public const string HqAdmin = "hq_admin";
    public const string HqAnalyst = "hq_analyst";
    public const string RegionManager = "region_manager";
    public const string StoreManager = "store_manager";

    public static string ToCode(this Role role) => role switch
    {
        Role.HqAdmin => HqAdmin,
        Role.HqAnalyst => HqAnalyst,
        Role.RegionManager => RegionManager,
        _ => StoreManager,
    };

    public static bool TryParse(string? code, out Role role)
    {
        role = code switch
        {
            HqAdmin => Role.HqAdmin,
            HqAnalyst => Role.HqAnalyst,
            RegionManager => Role.RegionManager,
            StoreManager => Role.StoreManager,
            _ => (Role)(-1),
        };
        return Enum.IsDefined(role);
    }
}

/// <summary>
/// What a signed-in user or API key may see. Enforced on the server for every API and page:
/// region managers see the stores of their regions, store managers their own stores only.
/// </summary>
public sealed record AccessScope(Role Role, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> StoreCodes)
{
    public static AccessScope Everything(Role role) => new(role, Array.Empty<string>(), Array.Empty<string>());

    public bool SeesWholeChain => Role is Role.HqAdmin or Role.HqAnalyst;

    public bool MayEditMasterData => Role is Role.HqAdmin;

    /// <summary>
    /// 消息推送: head office's admins set up any endpoint; a region's managers the group robots and mailboxes of their
    /// regions and stores, a store's manager its own — the people in a region's WeCom group know its address, not head office.
    /// </summary>
    public bool MaySetUpAlerts => Role is Role.HqAdmin or Role.RegionManager or Role.StoreManager;

    /// <summary>
    /// May record what a 收银追溯 finding was (a breach, or nothing wrong): head office and the region's managers, not the
    /// store whose till it is.
    /// </summary>
    public bool MayReviewTill => Role is Role.HqAdmin or Role.HqAnalyst or Role.RegionManager;

    public bool AllowsRegion(string regionCode) => SeesWholeChain || Role == Role.RegionManager && RegionCodes.Contains(regionCode);

    /// <summary>
    /// A store manager's stores; a region manager's regions' stores and any stores given beside them (an area manager who
    /// also looks after a city's stores in the next region).
    /// </summary>
    public bool AllowsStore(string storeCode, string regionCode) =>
        SeesWholeChain
        || Role == Role.RegionManager && (RegionCodes.Contains(regionCode) || StoreCodes.Contains(storeCode))
        || Role == Role.StoreManager && StoreCodes.Contains(storeCode);
}
