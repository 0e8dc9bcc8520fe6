namespace SmartStore.Simulator;

/// <summary>
/// Real images for the demo cameras from ../shared/data, read at run time and never copied into the repo:
/// entrance cameras replay a frame sequence in order (so tracking is possible), shelf cameras photograph a
/// grocery shelf per preset.
/// </summary>
public sealed class SnapshotSource
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _sequences;
    private readonly IReadOnlyList<string> _shelfPhotos;

    public SnapshotSource(string dataDirectory, int framesPerSequence)
    {
        // Walkway footage only: people cross a door line there. The mall-crowd frames are a packed corridor seen
        // from above (30 people a frame), an in-store view that would cost the analysis six times a walkway frame.
        _sequences = new[] { Path.Combine("pets2009-s2l1", "images"), Path.Combine("tud-mot15", "images", "TUD-Campus") }
            .Select(p => Path.Combine(dataDirectory, p))
            .Where(Directory.Exists)
            .Select(d => (IReadOnlyList<string>)Directory.GetFiles(d, "*.jpg").Order(StringComparer.Ordinal).Take(framesPerSequence).ToList())
            .Where(s => s.Count > 0)
            .ToList();
        var grocery = Path.Combine(dataDirectory, "grocery-store", "images");
        _shelfPhotos = Directory.Exists(grocery)
            ? Directory.GetFiles(grocery, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public bool HasImages => _sequences.Count > 0 && _shelfPhotos.Count > 0;

    public string Describe() => $"{_sequences.Count} entrance sequences ({string.Join("/", _sequences.Select(s => s.Count))} frames), {_shelfPhotos.Count} shelf photos";

    /// <summary>The entrance frame a camera sends at its <paramref name="tick"/>-th upload: its sequence, in order, looping.</summary>
    public string EntranceFrame(int cameraIndex, int tick)
    {
        var sequence = _sequences[cameraIndex % _sequences.Count];
        return sequence[tick % sequence.Count];
    }

    /// <summary>A fixed shelf photo per camera and preset, so repeated patrols of an unchanged shelf look the same.</summary>
    public string ShelfPhoto(int cameraIndex, int preset) => _shelfPhotos[(cameraIndex * 7 + preset * 13) % _shelfPhotos.Count];
}
