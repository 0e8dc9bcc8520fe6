using System.Text.Json.Nodes;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Localization;
using SmartStore.Web.Pages;

namespace SmartStore.Web.Api;

/// <summary>
/// One thing an audit entry changed: a field's value before and after ("name", "openingHours.weekly[2].open"), or, for a
/// list whose items came and went (a store's tags, a camera's presets, an account's stores), the items added and removed.
/// </summary>
public sealed record AuditChange(string Field, string? Was, string? Now, IReadOnlyList<string>? Added = null, IReadOnlyList<string>? Removed = null);

/// <summary>
/// What an entry that wrote a whole record (a store, camera, SKU, account …) changed, read against the entry before it:
/// the log keeps each record as written, which answers "what is it" but not "what did this save do".
/// </summary>
public static class AuditChanges
{
    /// <summary>The entry's changes; null where there is nothing to compare it with (not a whole record, or its first entry).</summary>
    public static IReadOnlyList<AuditChange>? Of(AuditTrail.Entry entry) =>
        entry is { Previous: { } previous, Detail: { } detail } ? Between(previous, detail) : null;

    /// <summary>The fields that differ, in the order the later record gives them. Fields the later one does not give are not
    /// called removed: a partial record (seeding an account writes only its role and scope) does not say them.</summary>
    public static IReadOnlyList<AuditChange> Between(string previousJson, string currentJson)
    {
        var changes = new List<AuditChange>();
        Compare("", JsonNode.Parse(previousJson), JsonNode.Parse(currentJson), changes);
        return changes;
    }

    private static void Compare(string path, JsonNode? was, JsonNode? now, List<AuditChange> changes)
    {
        if (JsonNode.DeepEquals(was, now)) return;
        switch (was, now)
        {
            case (JsonObject before, JsonObject after):
                foreach (var (key, value) in after)
                {
                    if (before.TryGetPropertyValue(key, out var old)) Compare(Join(path, key), old, value, changes);
                    else changes.Add(new(Join(path, key), null, Text(value)));
                }
                break;
            // A list of as many records as before (a week's opening hours, a camera's presets renamed) is compared item by item.
            case (JsonArray before, JsonArray after) when before.Count == after.Count && before.Concat(after).All(i => i is JsonObject):
                for (var i = 0; i < after.Count; i++) Compare($"{path}[{i}]", before[i], after[i], changes);
                break;
            case (JsonArray before, JsonArray after):
                changes.Add(new(path, null, null, Missing(after, before), Missing(before, after)));
                break;
            default:
                changes.Add(new(path, Text(was), Text(now)));
                break;
        }
    }

    /// <summary>The items of <paramref name="list"/> not in <paramref name="other"/>, as many times as they are missing.</summary>
    private static List<string> Missing(JsonArray list, JsonArray other)
    {
        var unmatched = other.ToList();
        var missing = new List<string>();
        foreach (var item in list)
        {
            var match = unmatched.FindIndex(o => JsonNode.DeepEquals(o, item));
            if (match >= 0) unmatched.RemoveAt(match);
            else missing.Add(Text(item) ?? "null");
        }
        return missing;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>A value as a person reads it: text without quotes, a record as "{name: 货架4, number: 4}", nothing as null.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o when SpecialHours(o) is { } hours => hours,
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"{p.Key}: {Text(p.Value) ?? "null"}")) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(i => Text(i) ?? "null")) + "]",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// A store's special hours as its page writes them, "元宵 2027-02-20 10:00–20:00", "春节 2027-02-06–2027-02-12 休息 (周六,日)":
    /// the change a store's record sees most, and unreadable as a nested record.
    /// </summary>
    private static string? SpecialHours(JsonObject o)
    {
        if (Word(o["from"]) is not { } from || Word(o["to"]) is not { } to || o["hours"] is not JsonObject hours) return null;
        var days = from == to ? from : $"{from}–{to}";
        var closed = hours["closed"] is JsonValue c && c.TryGetValue<bool>(out var isClosed) && isClosed;
        var time = closed ? UiText.T("closedDay") : $"{Clock(hours["open"])}–{Clock(hours["close"])}";
        var weekdays = o["days"] is JsonValue d && d.TryGetValue<int>(out var mask) && mask is not 0 and not 127 ? $" ({Display.Days((Weekdays)mask)})" : "";
        return $"{Word(o["reason"])} {days} {time}{weekdays}".Trim();
    }

    private static string? Word(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>"10:00:00" as "10:00".</summary>
    private static string? Clock(JsonNode? time) => Word(time) is { Length: >= 5 } t ? t[..5] : Word(time);

    /// <summary>The changes in one line each, for an export's cell: "name: A → B", "tags: +pilot −street".</summary>
    public static string Lines(IReadOnlyList<AuditChange> changes) => string.Join("\n", changes.Select(c => c.Added is null
        ? $"{c.Field}: {c.Was ?? "—"} → {c.Now ?? "—"}"
        : $"{c.Field}: {string.Join(" ", c.Added.Select(a => "+" + a).Concat(c.Removed!.Select(r => "−" + r)))}"));
}
