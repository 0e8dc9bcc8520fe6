using SmartStore.Storage;
using SmartStore.Vision;

namespace SmartStore.Bench.Ingest;

/// <summary>
/// Camera uploads over FTP: N real frames from K concurrent camera clients against our endpoint (a silo
/// process of its own on a fresh database: durable inbox, JPEG check, fsync, row, then 226), then the same
/// load with the same client against vsftpd on loopback, which only writes the file.
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    public string Name => "ingest";

    public string Usage => "[--files N (600)] [--clients K (8)]  FTP snapshot uploads: our endpoint vs vsftpd (needs SMARTSTORE_BENCH_PG)";

    public async Task<int> RunAsync(BenchArgs args, CancellationToken cancellation)
    {
        var files = args.Get("files", 600);
        var clients = args.Get("clients", 8);
        if (files < 1 || clients < 1) throw new ArgumentException("--files and --clients must be at least 1.");
        clients = Math.Min(clients, files);

        var frames = SnapshotFrames.Load(SharedAssets.DataDirectory());
        Progress.Say($"ingest: {files} snapshots from {clients} camera clients; {frames.Count} frames, {frames.Average(f => f.Length) / 1024:0} KiB on average");
        var work = Directory.CreateTempSubdirectory("smartstore-bench-ingest-");
        try
        {
            var figures = new Figures();
            var (ours, accepted) = await RunOurs(files, clients, frames, work.FullName, cancellation);
            var plan = ours.Plan;
            var theirs = await RunVsftpd(plan, Path.Combine(work.FullName, "vsftpd"), cancellation);

            figures.Add("ingest_snapshots_per_second", ours.Load.PerSecond, "snapshots/s");
            figures.Add("ingest_upload_ms_p50", ours.Load.Percentile(50), "ms");
            figures.Add("ingest_upload_ms_p99", ours.Load.Percentile(99), "ms");
            figures.Add("ingest_files_accepted", accepted, "files");
            figures.Add("vsftpd_files_per_second", theirs.Load.PerSecond, "files/s");
            figures.Add("vsftpd_upload_ms_p50", theirs.Load.Percentile(50), "ms");
            figures.Add("vsftpd_upload_ms_p99", theirs.Load.Percentile(99), "ms");
            figures.Add("ingest_throughput_ratio_vs_vsftpd", theirs.Load.PerSecond > 0 ? ours.Load.PerSecond / theirs.Load.PerSecond : 0, "x");
            figures.Print();

            var ok = accepted == files && ours.Load.Failed == 0 && theirs.Load.Failed == 0 && theirs.Stored == files;
            if (!ok) Console.Error.WriteLine($"ingest: expected {files} everywhere; silo rows {accepted}, silo failures {ours.Load.Failed}, vsftpd files {theirs.Stored}, vsftpd failures {theirs.Load.Failed}");
            return ok ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Progress.Say("ingest: stopped before the end; the servers it started are stopped");
            return 130;
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Progress.Say($"could not remove {work.FullName}: {e.Message}");
            }
        }
    }

    private sealed record OurRun(UploadPlan Plan, LoadOutcome Load);

    private sealed record TheirRun(LoadOutcome Load, int Stored);

    private static async Task<(OurRun Run, long Accepted)> RunOurs(int files, int clients, IReadOnlyList<byte[]> frames, string work, CancellationToken cancellation)
    {
        var home = Directory.CreateDirectory(Path.Combine(work, "silo")).FullName;
        await using var database = new SmartStoreDatabase(IngestDatabase.ConnectionString());
        var inbox = new IngestDatabase(database);
        var secrets = new SecretsFile(Path.Combine(home, "secrets.json"));
        Progress.Say("database: migrating and seeding the demo chain");
        await inbox.Prepare(secrets, cancellation);
        var plan = UploadPlan.Build(files, clients, frames, secrets, DateTime.UtcNow.AddHours(8));
        Progress.Say($"plan: {plan.Cameras.Count} cameras, {plan.WarmUp.Count} warm-up uploads by a camera of their own");

        var ftpPort = Loopback.FreePort();
        Progress.Say($"starting a silo of its own (FTP 127.0.0.1:{ftpPort}, home {home})");
        // Analysis off: the uploads are the measurement; analysing the frames as they arrive would share the two cores.
        await using var silo = await BenchSilo.Start(database.ConnectionString, home, ftpPort, cancellation, analyse: false);
        Progress.Say("silo is listening; warming up");
        var target = new FtpTarget("smartstore", ftpPort, "", Anonymous: false);
        await UploadLoad.Run(target, Spread(plan.WarmUp, clients), warmUp: true, cancellation);
        var load = await UploadLoad.Run(target, plan.Clients, warmUp: false, cancellation);
        var accepted = await inbox.CountSnapshots(plan.Cameras.ToList());
        var rejections = await inbox.CountRejections();
        Progress.Say($"smartstore: {accepted} snapshot rows for the benchmark cameras, {rejections} rejections recorded");
        if (load.Failed > 0) Progress.Say($"silo output (last lines):{Environment.NewLine}{silo.Tail()}");
        return (new OurRun(plan, load), accepted);
    }

    private static async Task<TheirRun> RunVsftpd(UploadPlan plan, string work, CancellationToken cancellation)
    {
        Directory.CreateDirectory(work);
        await using var vsftpd = await VsftpdServer.Start(work, cancellation);
        Progress.Say($"vsftpd is listening on 127.0.0.1:{vsftpd.Port}; warming up");
        var target = new FtpTarget("vsftpd", vsftpd.Port, VsftpdServer.RemoteFolder, Anonymous: true);
        await UploadLoad.Run(target, Spread(plan.WarmUp, plan.Clients.Count), warmUp: true, cancellation);
        var warmUpFiles = vsftpd.StoredFiles;
        var load = await UploadLoad.Run(target, plan.Clients, warmUp: false, cancellation);
        var stored = vsftpd.StoredFiles - warmUpFiles;
        Progress.Say($"vsftpd: {stored} files in {vsftpd.UploadFolder}");
        return new TheirRun(load, stored);
    }

    /// <summary>Deals uploads round-robin to <paramref name="clients"/> clients.</summary>
    private static IReadOnlyList<IReadOnlyList<PlannedUpload>> Spread(IReadOnlyList<PlannedUpload> uploads, int clients) =>
        Enumerable.Range(0, clients).Select(c => (IReadOnlyList<PlannedUpload>)uploads.Where((_, i) => i % clients == c).ToList()).ToList();
}
