using Microsoft.Extensions.Options;

namespace SmartStore.Silo.Ingest;

/// <summary>
/// The folder snapshots live in. Names are built only from the camera code (a validated master-data
/// key), the content hash and the date — never from anything a camera sent.
/// </summary>
public sealed class ImagesFolder
{
    public ImagesFolder(IOptions<IngestOptions> options, SiloSettings settings)
    {
        Root = Path.GetFullPath(options.Value.ImagesPath is { Length: > 0 } path ? path : Path.Combine(settings.Home, "images"));
        Incoming = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(Incoming);
    }

    public string Root { get; }

    private string Incoming { get; }

    public string NewTemporaryFile() => Path.Combine(Incoming, $"{Guid.NewGuid():N}.part");

    public string PlaceFor(string cameraCode, string sha256, DateTime receivedUtc) =>
        Path.Combine(receivedUtc.ToString("yyyy"), receivedUtc.ToString("MM"), receivedUtc.ToString("dd"), cameraCode, $"{sha256}.jpg");

    public string FullPath(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Moves the fsynced temporary file into place and fsyncs the directories whose entries changed, so the
    /// file survives a power loss once this returns. The same content already there is kept as it is.
    /// </summary>
    public void MoveIntoPlace(string temp, string relative)
    {
        var target = FullPath(relative);
        if (File.Exists(target)) return;
        var folder = Path.GetDirectoryName(target)!;
        var created = CreateFolders(folder);
        File.Move(temp, target);
        DirectorySync.Flush(folder);
        foreach (var parent in created) DirectorySync.Flush(Path.GetDirectoryName(parent)!);
    }

    /// <summary>Creates the missing folders of <paramref name="folder"/>; returns those it created, deepest first.</summary>
    private List<string> CreateFolders(string folder)
    {
        var missing = new List<string>();
        for (var dir = folder; dir.Length > Root.Length && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!) missing.Add(dir);
        if (missing.Count > 0) Directory.CreateDirectory(folder);
        return missing;
    }
}
