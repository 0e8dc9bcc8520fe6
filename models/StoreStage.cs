namespace SmartStore.Models;

/// <summary>
/// Where a store stands in its life on a date: 筹备中 before its first trading day (cameras going up, staff hired), 营业中,
/// and 已闭店 from the day it no longer trades. Its hours decide the rest (<see cref="OpeningHours.OpensFrom"/>, <see cref="OpeningHours.ClosedFrom"/>).
/// </summary>
public enum StoreStage
{
    Preparing,
    Trading,
    ClosedDown,
}

public static class StoreStages
{
    /// <summary>The stage as the API and the store list's filter name it.</summary>
    public static string ToCode(this StoreStage stage) => stage switch
    {
        StoreStage.Preparing => "preparing",
        StoreStage.ClosedDown => "closed",
        _ => "trading",
    };

    /// <summary>The stage a code names (any case), or null for none.</summary>
    public static StoreStage? FromCode(string? code) =>
        Enum.GetValues<StoreStage>().Where(s => s.ToCode() == code?.Trim().ToLowerInvariant()).Cast<StoreStage?>().FirstOrDefault();

    /// <summary>The stages whose stores are live: on the board, /m and the live camera list (a store being prepared has its cameras going up).</summary>
    public static readonly IReadOnlyCollection<StoreStage> Live = [StoreStage.Preparing, StoreStage.Trading];

    /// <summary>Every code, for a refusal that lists them.</summary>
    public static string Codes => string.Join(", ", Enum.GetValues<StoreStage>().Select(s => s.ToCode()));
}
