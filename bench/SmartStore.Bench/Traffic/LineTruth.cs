using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartStore.Bench.Traffic;

/// <summary>The counting lines of a MOT set and the true crossings per line (ground_truth.json, "line_crossings").</summary>
public sealed record LineTruth(List<CountingLineTruth> Lines, Dictionary<string, Dictionary<string, InOut>> TotalsByLine)
{
    public static async Task<LineTruth?> LoadAsync(string folder, CancellationToken cancellation)
    {
        await using var file = File.OpenRead(Path.Combine(folder, "ground_truth.json"));
        using var document = await JsonDocument.ParseAsync(file, cancellationToken: cancellation);
        if (!document.RootElement.TryGetProperty("line_crossings", out var crossings)) return null;
        return crossings.Deserialize<LineTruth>(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
    }
}

public sealed record CountingLineTruth(string Sequence, string Name, float[] A, float[] B, [property: JsonPropertyName("in_direction")] float[] InDirection);

public sealed record InOut(int In, int Out);
