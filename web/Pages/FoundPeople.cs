using System.Text.Json;

namespace SmartStore.Web.Pages;

/// <summary>One person in a stored analysis, as the pages draw it: box, score, track, attributes, and whether it was counted.</summary>
public sealed record FoundPerson(float X1, float Y1, float X2, float Y2, float Score, int Track, string AgeBand, string Gender, bool Counted);

/// <summary>
/// The people part of a stored analysis of an entrance or in-store snapshot (the worker's JSON): the model, each box,
/// and for an in-store camera how many it counted (those standing in its counting area).
/// </summary>
public sealed record FoundPeople(string? Model, IReadOnlyList<FoundPerson> People, int? Counted)
{
    public static FoundPeople Read(JsonElement root) => new(
        root.TryGetProperty("model", out var model) ? model.GetString() : null,
        root.GetProperty("people").EnumerateArray().Select(Person).ToList(),
        root.TryGetProperty("counted", out var counted) && counted.ValueKind == JsonValueKind.Number ? counted.GetInt32() : null);

    private static FoundPerson Person(JsonElement p)
    {
        var b = p.GetProperty("box").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        return new FoundPerson(b[0], b[1], b[2], b[3], p.GetProperty("score").GetSingle(), p.GetProperty("track").GetInt32(),
            p.TryGetProperty("age", out var age) ? age.GetString() ?? "unknown" : "unknown",
            p.TryGetProperty("gender", out var gender) ? gender.GetString() ?? "unknown" : "unknown",
            !p.TryGetProperty("counted", out var counted) || counted.GetBoolean());
    }
}
