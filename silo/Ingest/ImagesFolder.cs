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

    /// <summary>Moves the fsynced temporary file into place; the same content already there is kept as it is.</summary>
    public void MoveIntoPlace(string temp, string relative)
    {
        var target = FullPath(relative);
        if (File.Exists(target)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(temp, target);
    }
}
