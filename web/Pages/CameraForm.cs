using System.Globalization;
using SmartStore.Models;
using SmartStore.Web.Api;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// The new-camera form. PTZ presets are typed one per line as "number name" (e.g. "1 饮料货架"),
/// in patrol order; the line order becomes the patrol order.
/// </summary>
public sealed class CameraForm
{
    public string? Code { get; set; }
    public string Kind { get; set; } = CameraKind.Shelf.ToCode();
    public string? Brand { get; set; }
    public string? Model { get; set; }
    public string? StoreCode { get; set; }
    public int? PatrolCadenceMinutes { get; set; }
    public string? Presets { get; set; }

    /// <summary>A camera's form as its page shows it, presets one per line in patrol order.</summary>
    public static CameraForm Of(Camera camera) => new()
    {
        Code = camera.Code, Kind = camera.Kind.ToCode(), Brand = camera.Brand, Model = camera.Model, StoreCode = camera.StoreCode,
        PatrolCadenceMinutes = camera.PatrolCadenceMinutes,
        Presets = string.Join("\n", camera.Presets.OrderBy(p => p.PatrolOrder).Select(p => $"{p.Number} {p.Name}")),
    };

    /// <summary>The API's input for these fields, or the lines of the preset box that could not be read.</summary>
    public (CameraInput Input, IReadOnlyList<string> Problems) ToInput()
    {
        var problems = new List<string>();
        var presets = new List<CameraPreset>();
        var lines = (Presets ?? "").Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var parts = lines[i].Split([' ', '\t', ':', '：'], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                presets.Add(new CameraPreset(number, parts[1], presets.Count + 1));
            else
                problems.Add(string.Format(T("presetLineBad"), i + 1, lines[i]));
        }
        var input = new CameraInput(Code?.Trim(), Kind, Blank(Brand), Blank(Model), Blank(StoreCode), PatrolCadenceMinutes, presets);
        return (input, problems);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
