using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartStore.Bench.Data;

/// <summary>`smartstore-eval-gt/1` (see ../shared/data/README.md). Only the fields the benchmarks read.</summary>
public sealed record GtSet(string Schema, string Dataset, string Part, string Task, List<GtImage> Images, List<GtClass>? Classes)
{
    [JsonIgnore] public string Folder { get; set; } = "";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<GtSet> LoadAsync(string folder, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(Path.Combine(folder, "ground_truth.json"));
        var set = await JsonSerializer.DeserializeAsync<GtSet>(stream, Json, cancellation).ConfigureAwait(false)
                  ?? throw new InvalidDataException($"Empty ground truth in {folder}");
        if (set.Schema != "smartstore-eval-gt/1") throw new InvalidDataException($"{folder}: unknown schema {set.Schema}");
        set.Folder = folder;
        return set;
    }

    /// <summary>Every set under the data folder, by dataset name.</summary>
    public static async Task<Dictionary<string, GtSet>> LoadAllAsync(string dataDir, CancellationToken cancellation)
    {
        var sets = new Dictionary<string, GtSet>(StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(dataDir).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(dir, "ground_truth.json"))) continue;
            var set = await LoadAsync(dir, cancellation).ConfigureAwait(false);
            sets[set.Dataset] = set;
        }
        return sets;
    }

    public string PathOf(string relative) => Path.Combine(Folder, relative);
}

public sealed record GtImage(string File, string? Sequence, int? Frame, int Width, int Height, int Count,
    List<GtPerson>? Persons, List<GtPerson>? Ignore, List<float[]>? Heads, string? Split, int? ClassId, string? ClassName, double? TimeS = null);

public sealed record GtPerson(int TrackId, float[] Bbox);

public sealed record GtClass(int ClassId, string ClassName, string? CoarseClassName, List<string> ReferenceImages);
