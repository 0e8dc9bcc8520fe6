using System.Text.RegularExpressions;
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

/// <summary>Collects field errors in the shape of a validation problem (field → messages).</summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<string> Messages => _errors.SelectMany(e => e.Value).ToList();

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = new List<string>();
        list.Add(message);
    }

    public void Code(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{field} is required.");
        else if (!CodePattern().IsMatch(value)) Add(field, $"{field} '{value}' must be 2–40 letters, digits or '-'.");
    }

    public void Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) Add(field, $"{field} is required."); }
        else if (value.Length > max) Add(field, $"{field} is longer than {max} characters.");
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is null) Add(field, $"{field} is required.");
        else if (double.IsNaN(value.Value) || value < min || value > max) Add(field, $"{field} {value} is outside {min}..{max}.");
    }

    public IResult ToResult() => Results.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: "The request has invalid fields.",
        detail: string.Join(" ", Messages));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
