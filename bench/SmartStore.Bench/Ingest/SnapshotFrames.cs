namespace SmartStore.Bench.Ingest;

/// <summary>Real entrance-camera frames from the shared data folder, read once into memory so disk reads stay out of the timing.</summary>
public static class SnapshotFrames
{
    private static readonly string[] Sequences = [Path.Combine("pets2009-s2l1", "images"), Path.Combine("tud-mot15", "images", "TUD-Campus")];

    public static IReadOnlyList<byte[]> Load(string dataDirectory)
    {
        var files = new List<string>();
        foreach (var sequence in Sequences)
        {
            var folder = Path.Combine(dataDirectory, sequence);
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Frames folder {folder} not found (set SMARTSTORE_DATA or keep ../shared/data next to the repo).");
            files.AddRange(Directory.GetFiles(folder, "*.jpg").Order(StringComparer.Ordinal));
        }
        if (files.Count == 0) throw new FileNotFoundException($"No JPEG frames under {dataDirectory}.");
        return files.Select(File.ReadAllBytes).ToList();
    }
}
