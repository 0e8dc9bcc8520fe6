using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartStore.GrainInterfaces;
using SmartStore.Grains;
using SmartStore.Models;
using SmartStore.Silo.Analysis;
using SmartStore.Storage;
using SmartStore.Vision.Intake;

namespace SmartStore.Silo.Ingest;

/// <summary>
/// Who sent an upload and how; the file name is the camera's choice and is never used as a path. Control characters
/// are dropped from what the sender named: PostgreSQL cannot store U+0000, and a multipart file name holding one failed
/// the upload with a server error when the snapshot was recorded.
/// </summary>
public sealed record UploadOrigin(string CameraCode, string FileName, string RemoteAddress, string Source)
{
    public string CameraCode { get; init; } = Printable(CameraCode);
    public string FileName { get; init; } = Printable(FileName);

    private static string Printable(string text) => text.Any(char.IsControl) ? string.Concat(text.Where(c => !char.IsControl(c))) : text;
}

/// <summary>
/// The durable inbox both FTP and HTTP uploads go through: stream to a temporary file (cut off at the
/// size cap), check it is a whole JPEG, fsync, move it to <c>images/yyyy/MM/dd/camera/sha256.jpg</c>,
/// insert the <c>snapshots</c> row — and only then may the caller acknowledge. A re-sent file (same
/// camera, same bytes) finds its existing row.
/// </summary>
public sealed class SnapshotInbox(
    SnapshotRepository snapshots,
    IMasterDataDirectory directory,
    IGrainFactory grains,
    IOptions<IngestOptions> options,
    ImagesFolder images,
    AnalysisSignal analysis,
    ILogger<SnapshotInbox> logger)
{
    private readonly JpegIntake _intake = new(new IntakeLimits(options.Value.MaxUploadBytes));
    private readonly ConcurrentDictionary<string, (CameraStore Store, DateTime Until)> _stores = new();

    /// <summary>What an upload needs of its camera's store: the zone its file names are read in, and its hours (closed for good?).</summary>
    private sealed record CameraStore(string Code, string Zone, OpeningHours? Hours);

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public async Task<UploadVerdict> Receive(UploadOrigin origin, Stream content, CancellationToken cancellationToken)
    {
        var temp = images.NewTemporaryFile();
        try
        {
            using var kept = new MemoryStream();
            var (bytes, sha256, tooLarge) = await CopyCapped(content, temp, kept, cancellationToken);
            if (tooLarge) return await Refuse(origin, UploadRejection.TooLarge, $"larger than {MaxUploadBytes} bytes");
            if (bytes == 0) return await Refuse(origin, UploadRejection.Empty, "the file is empty");

            var check = CheckJpeg(kept.GetBuffer().AsSpan(0, (int)kept.Length));
            if (check.Rejection is { } rejection) return await Refuse(origin, rejection, check.Detail);

            var received = DateTime.UtcNow;
            var store = await StoreOf(origin.CameraCode, cancellationToken);
            if (store.Hours is { } hours && hours.ClosedDownBy(StoreTimeZones.DayOf(received, StoreTimeZones.Find(store.Zone))))
                return await Refuse(origin, UploadRejection.StoreClosedDown,
                    $"store {store.Code} closed for good on {hours.ClosedFrom:yyyy-MM-dd}; unbind the camera, or reopen the store");
            var relative = images.PlaceFor(origin.CameraCode, sha256, received);
            images.MoveIntoPlace(temp, relative);
            var capturedUtc = CaptureTime.FromFileName(origin.FileName, store.Zone);
            var (id, duplicate) = await snapshots.Record(new SnapshotRepository.NewSnapshot(origin.CameraCode, sha256, relative,
                (int)bytes, check.Width, check.Height, Truncate(origin.FileName, 255), capturedUtc, origin.Source));

            if (!duplicate) analysis.NewSnapshot();
            await TellCamera(origin.CameraCode, g => g.SnapshotAccepted(new SnapshotReceipt(id, origin.FileName, capturedUtc, received, duplicate, origin.Source,
                CaptureTime.PresetFromFileName(origin.FileName))));
            return UploadVerdict.Stored(id, duplicate, bytes);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            return await Refuse(origin, UploadRejection.TransferAborted, e.Message);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Logs and counts a refusal that happened before any bytes (bad login, bad file name).</summary>
    public async Task<UploadVerdict> Refuse(UploadOrigin origin, UploadRejection reason, string detail)
    {
        logger.LogWarning("Upload {File} from {Camera} at {Address} refused: {Reason} ({Detail})",
            origin.FileName, origin.CameraCode, origin.RemoteAddress, reason, detail);
        var known = origin.CameraCode.Length > 0 && await directory.FindCamera(origin.CameraCode, CancellationToken.None) is not null;
        await snapshots.RecordRejection(known ? origin.CameraCode : null, origin.RemoteAddress, origin.Source, reason.ToString(), detail);
        if (known) await TellCamera(origin.CameraCode, g => g.UploadRejected(reason.ToString(), detail, DateTime.UtcNow));
        return UploadVerdict.Refused(reason, detail);
    }

    /// <summary>
    /// The snapshot row is the record; the camera grain's counters follow it. A grain call that fails (silo
    /// shutting down, grain busy) must not turn a stored snapshot into a failed upload, so it is logged only.
    /// </summary>
    private async Task TellCamera(string cameraCode, Func<ICameraGrain, Task> call)
    {
        try
        {
            await call(grains.GetGrain<ICameraGrain>(cameraCode));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(e, "Camera grain {Camera} not told about an upload", cameraCode);
        }
    }

    /// <summary>Streams the upload to <paramref name="temp"/> (fsynced) and keeps a copy in memory for the JPEG check, up to the cap.</summary>
    private async Task<(long Bytes, string Sha256, bool TooLarge)> CopyCapped(Stream content, string temp, MemoryStream kept, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            // Stop reading at the cap: the rest of an oversized upload is never buffered or written.
            if (total > MaxUploadBytes) return (total, "", true);
            hash.AppendData(buffer, 0, read);
            kept.Write(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()), false);
    }

    private (UploadRejection? Rejection, string Detail, int Width, int Height) CheckJpeg(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var (width, height) = _intake.Inspect(bytes);
            return (null, "", width, height);
        }
        catch (ImageRejectedException e)
        {
            var reason = e.Reason switch
            {
                RejectionReason.Truncated => UploadRejection.Truncated,
                RejectionReason.NotJpeg => UploadRejection.NotJpeg,
                RejectionReason.TooLarge => UploadRejection.TooLarge,
                RejectionReason.TooManyPixels => UploadRejection.TooManyPixels,
                RejectionReason.Empty => UploadRejection.Empty,
                _ => UploadRejection.Corrupt,
            };
            return (reason, e.Message, 0, 0);
        }
    }

    /// <summary>
    /// A camera's store, as an upload needs it. Looked up per camera at most once a minute: it changes almost never, and
    /// asking the database on every upload cost two round trips per snapshot (a store closed for good is refused within
    /// the minute).
    /// </summary>
    private async Task<CameraStore> StoreOf(string cameraCode, CancellationToken cancellationToken)
    {
        if (_stores.TryGetValue(cameraCode, out var known) && known.Until > DateTime.UtcNow) return known.Store;
        var camera = await directory.FindCamera(cameraCode, cancellationToken);
        var store = camera?.StoreCode is { } code ? await directory.FindStore(code, cancellationToken) : null;
        var found = new CameraStore(store?.Code ?? "", store?.TimeZone ?? "Asia/Shanghai", store?.OpeningHours);
        _stores[cameraCode] = (found, DateTime.UtcNow.AddMinutes(1));
        return found;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
