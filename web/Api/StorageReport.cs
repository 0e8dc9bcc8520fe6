using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// 数据库表 and the pictures' disk, as whoever runs a chain's installation plans it: what each table holds, what the
/// pictures take and add a day, and whether the pictures' volume holds them once they are kept as long as
/// <c>Ingest:RetentionDays</c> says (the silo deletes older ones; at a steady rate the folder levels at a day's pictures
/// times that many days).
/// </summary>
public sealed class StorageReport(StorageFootprint footprint, WebSettings settings, ReportCalendar calendar, IConfiguration configuration)
{
    /// <summary>Days shown, and the full days (before today) a day's growth is averaged over.</summary>
    public const int DaysShown = 14, DaysAveraged = 7;

    public sealed record Volume(long TotalBytes, long FreeBytes);

    /// <summary>
    /// A day's pictures at the recent rate, what they level at once kept <see cref="RetentionDays"/>, and what the volume
    /// still needs for that beyond what is kept now (negative: room to spare).
    /// </summary>
    public sealed record Growth(int DaysAveraged, long PicturesPerDay, long BytesPerDay, long LevelBytes, long StillNeededBytes, long? HeadroomBytes);

    public sealed record View(long DatabaseBytes, IReadOnlyList<StorageFootprint.Table> Tables, StorageFootprint.Pictures Pictures,
        string ImagesFolder, Volume? ImagesVolume, int RetentionDays, Growth Growth);

    public int RetentionDays => configuration.GetValue("Ingest:RetentionDays", SnapshotRepository.DefaultRetentionDays);

    public async Task<View> Read(CancellationToken cancellationToken = default)
    {
        var (databaseBytes, tables) = await footprint.Tables(cancellationToken);
        var today = calendar.Today;
        var pictures = await footprint.PicturesSince(calendar.StartUtc(today.AddDays(-(DaysShown - 1))), calendar.ZoneId, cancellationToken: cancellationToken);
        var volume = VolumeOf(settings.ImagesRoot);
        return new View(databaseBytes, tables, pictures, settings.ImagesRoot, volume, RetentionDays, GrowthOf(pictures, today, volume));
    }

    /// <summary>The full days before today that had pictures, up to <see cref="DaysAveraged"/>: a new installation averages what it has.</summary>
    private Growth GrowthOf(StorageFootprint.Pictures pictures, DateOnly today, Volume? volume)
    {
        var full = pictures.Days.Where(d => d.Day < today && d.Day >= today.AddDays(-DaysAveraged)).ToList();
        var first = full.Count == 0 ? today : full.Min(d => d.Day);
        var days = Math.Max(1, today.DayNumber - first.DayNumber);
        var perDay = full.Count == 0 ? 0 : full.Sum(d => d.Bytes) / days;
        var picturesPerDay = full.Count == 0 ? 0 : full.Sum(d => d.Pictures) / days;
        var level = perDay * RetentionDays;
        var needed = level - pictures.Bytes;
        return new Growth(full.Count == 0 ? 0 : days, picturesPerDay, perDay, level, needed, volume is null ? null : volume.FreeBytes - Math.Max(0, needed));
    }

    /// <summary>The size and free space of the disk holding <paramref name="folder"/>; null while the folder does not exist.</summary>
    public static Volume? VolumeOf(string folder)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(folder));
            return drive.IsReady ? new Volume(drive.TotalSize, drive.AvailableFreeSpace) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
