using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// The viewer's scope as SQL over a <c>stores s</c> row: head office sees every store, region managers the stores of
/// their regions, store managers their own stores. One rule for every list and report.
/// </summary>
internal static class StoreScope
{
    public const string Visible = "(@wholeChain OR s.region_code = ANY(@regions) OR s.code = ANY(@stores))";

    /// <summary><see cref="Visible"/> narrowed to a coverage's one store or region (parameters: <see cref="Parameters(StoreCoverage, object)"/>).</summary>
    public const string Covered = Visible + " AND (@region::text IS NULL OR s.region_code = @region) AND (@store::text IS NULL OR s.code = @store)";

    /// <summary>The parameters of <see cref="Covered"/>, plus the query's own.</summary>
    public static DynamicParameters Parameters(StoreCoverage coverage, object others)
    {
        var parameters = Parameters(coverage.Scope, others);
        parameters.Add("region", coverage.RegionCode);
        parameters.Add("store", coverage.StoreCode);
        return parameters;
    }

    /// <summary>The parameters of <see cref="Visible"/>, plus the query's own.</summary>
    public static DynamicParameters Parameters(AccessScope scope, object others)
    {
        var parameters = new DynamicParameters(others);
        parameters.Add("wholeChain", scope.SeesWholeChain);
        parameters.Add("regions", scope.Role == Role.RegionManager ? scope.RegionCodes.ToArray() : Array.Empty<string>());
        // A region manager's stores are those given beside the regions.
        parameters.Add("stores", scope.Role is Role.StoreManager or Role.RegionManager ? scope.StoreCodes.ToArray() : Array.Empty<string>());
        return parameters;
    }
}

/// <summary>Which stores a list or report covers: one store, one region, or (both null) everything the viewer's scope allows.</summary>
public sealed record StoreCoverage(AccessScope Scope, string? StoreCode, string? RegionCode);
