namespace SmartStore.Models;

/// <summary>
/// 营销活动: a promotion (or a holiday to judge) from <see cref="From"/> to <see cref="To"/> (store-local dates, inclusive)
/// in the stores of <see cref="RegionCode"/> (null: every region) carrying <see cref="StoreTag"/> (null: any).
/// </summary>
public sealed record Campaign(long Id, string Name, DateOnly From, DateOnly To, string? RegionCode, string? StoreTag, string CreatedBy);
