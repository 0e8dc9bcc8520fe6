using SmartStore.Models;

namespace SmartStore.Web.Api;

/// <summary>Request bodies of the master-data API. Fields are nullable so a missing one gets a message, not a default.</summary>
public sealed record RegionInput(string? Name, string? NameEn);

public sealed record StoreInput(
    string? Code, string? Name, string? RegionCode, string? City, string? Address,
    double? Latitude, double? Longitude, IReadOnlyList<string>? Tags, OpeningHours? OpeningHours,
    string? TimeZone, int? StaffCount);

public sealed record CameraInput(
    string? Code, string? Kind, string? Brand, string? Model, string? StoreCode,
    int? PatrolCadenceMinutes, IReadOnlyList<CameraPreset>? Presets);

public sealed record SkuInput(string? Code, string? Name, string? Brand, string? Category, bool? IsCompetitor);

public sealed record ApiKeyInput(string? Name, string? Role, IReadOnlyList<string>? RegionCodes, IReadOnlyList<string>? StoreCodes);
