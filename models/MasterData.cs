namespace SmartStore.Models;

/// <summary>A sales region (大区), e.g. 华东.</summary>
public sealed record Region(string Code, string Name, string NameEn);

/// <summary>A shop of the chain, as kept in master data.</summary>
public sealed record Store(
    string Code,
    string Name,
    string RegionCode,
    string City,
    string Address,
    double Latitude,
    double Longitude,
    IReadOnlyList<string> Tags,
    OpeningHours OpeningHours,
    string TimeZone,
    int StaffCount);

/// <summary>A PTZ preset: a named position the dome returns to on patrol, in patrol order.</summary>
[GenerateSerializer, Immutable, Alias("SmartStore.CameraPreset")]
public sealed record CameraPreset([property: Id(0)] int Number, [property: Id(1)] string Name, [property: Id(2)] int PatrolOrder);

/// <summary>A camera as kept in master data. Its FTP/HTTP secret is only ever stored hashed.</summary>
public sealed record Camera(
    string Code,
    CameraKind Kind,
    string Brand,
    string Model,
    string? StoreCode,
    int PatrolCadenceMinutes,
    IReadOnlyList<CameraPreset> Presets)
{
    /// <summary>Entrance cameras only: where crossings are counted. Set on its own (drawn on the camera page), not with the camera form.</summary>
    public DoorLine? DoorLine { get; init; }

    /// <summary>In-store cameras only: where people are counted (the whole view when null). Drawn on the camera page.</summary>
    public CountingArea? CountingArea { get; init; }

    /// <summary>In-store cameras only: it watches a till, its counting area on the customers' side (收银追溯 reads its pictures).</summary>
    public bool WatchesTill { get; init; }

    /// <summary>Which till it watches (收银台号, as the POS names it) when the store has several; null: every till it sees.</summary>
    public string? Till { get; init; }
}

/// <summary>A product in the SKU master; competitor products are kept so the shelf can be read fully.</summary>
public sealed record Sku(string Code, string Name, string Brand, string Category, bool IsCompetitor);

/// <summary>One entry of the data dictionary (store tags, SKU categories …).</summary>
public sealed record DictionaryEntry(string Kind, string Code, string Label, string LabelEn, int SortOrder);

/// <summary>One page of a list, with the total so a pager can be drawn.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
