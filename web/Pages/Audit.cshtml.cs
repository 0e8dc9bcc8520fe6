using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Localization;

namespace SmartStore.Web.Pages;

/// <summary>
/// 操作日志 (系统管理; seed 000's 日志管理): the whole audit log searched by who, what was done to what and which one, and
/// when, a hundred entries a page, newest first, and exported as it is filtered.
/// </summary>
public sealed partial class AuditModel(AuditDesk desk) : LogPageModel<AuditTrail.Entry>
{
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "action")] public string? Action { get; set; }
    [FromQuery(Name = "entity")] public string? Entity { get; set; }
    [FromQuery(Name = "key")] public string? Key { get; set; }

    public Task<IActionResult> OnGet(CancellationToken cancellationToken) => Show(async (errors, limit) =>
        desk.Read(new AuditDesk.Filters(Actor, Action, Entity, Key, From, To, Before), errors) is { } query
            ? await desk.Search(query, limit, cancellationToken) : null, e => e.Id);

    public string Link(string path, long? before) =>
        Link(path, [("actor", Actor), ("action", Action), ("entity", Entity), ("key", Key), ("from", From), ("to", To), ("before", before?.ToString())]);

    /// <summary>Where an entry's key opens, for the kinds of thing that have a page; null for the rest.</summary>
    public static string? PageOf(AuditTrail.Entry e) => e.Entity switch
    {
        "store" or "staff_cards" => $"/stores/{Uri.EscapeDataString(e.EntityKey)}",
        "camera" or "planogram" when e.EntityKey.Split("/P") is [var camera, var preset] && int.TryParse(preset, out _) =>
            $"/cameras/{Uri.EscapeDataString(camera)}/presets/{preset}",
        "camera" => $"/cameras/{Uri.EscapeDataString(e.EntityKey)}",
        "sku" => $"/skus/{Uri.EscapeDataString(e.EntityKey)}",
        "user" => $"/accounts/{Uri.EscapeDataString(e.EntityKey)}",
        "menu_role" => $"/admin/menus?role={Uri.EscapeDataString(e.EntityKey)}",
        "menu_entry" => "/admin/menus#menu-icons",
        _ => null,
    };

    /// <summary>
    /// A changed field as the page names it: "营业时间 · 每周 · 周三 · 开门时间" / "Opening hours · weekly · Wed · open" for
    /// openingHours.weekly[2].open; an item of another list by its place, "预置位 · #4 · 名称".
    /// </summary>
    public static string FieldLabel(string path)
    {
        var parts = new List<string>();
        string? parent = null;
        foreach (Match m in PathPart().Matches(path))
        {
            if (!m.Groups["key"].Success) { parts.Add(Item(parent, int.Parse(m.Groups["index"].Value))); continue; }
            parent = m.Groups["key"].Value;
            parts.Add(UiText.IsChinese ? FieldNames.Zh(parent) : Spaced().Replace(parent, " ").ToLowerInvariant());
        }
        var label = string.Join(" · ", parts);
        return label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
    }

    /// <summary>Between the words of a camelCase field name: "openingHours" reads "opening hours".</summary>
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex Spaced();

    /// <summary>A changed value as the page shows it: a yes / no in the reader's words, a time of day without its zero
    /// seconds ("09:30"), nothing as "—".</summary>
    public static string ValueText(string? value) => value switch
    {
        null => "—",
        "true" => UiText.T("auditTrue"),
        "false" => UiText.T("auditFalse"),
        _ when TimeOnly.TryParseExact(value, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) => ClockText.Of(time),
        _ => value,
    };

    /// <summary>A week's opening hours are Monday first; an item of any other list is named by its place, from 1.</summary>
    private static string Item(string? list, int index) =>
        list == "weekly" && index is >= 0 and < 7 ? (UiText.IsChinese ? "周" : "") + UiText.T("weekdaysShort").Split(',')[index] : $"#{index + 1}";

    [GeneratedRegex(@"(?<key>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathPart();
}
