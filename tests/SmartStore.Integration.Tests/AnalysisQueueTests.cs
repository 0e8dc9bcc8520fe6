using Dapper;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>The analysis queue on real PostgreSQL: one worker at a time per camera, so a camera's frames stay in order across silos.</summary>
public sealed class AnalysisQueueTests
{
    private static readonly CameraKind[] Kinds = [CameraKind.Entrance];

    /// <summary>A database of its own with the demo chain's cameras: the queue claims by the kind of camera.</summary>
    private static async Task<TestDatabase> DemoChainDatabase()
    {
        var db = await TestDatabase.Create();
        await new DemoChain(db.Database, new SecretsFile(Path.Combine(Path.GetTempPath(), $"queue-{Guid.NewGuid():N}.json")), _ => { }).Seed();
        return db;
    }

    /// <summary>A picture from <paramref name="camera"/> received now, stored as <paramref name="name"/>.jpg (its name makes its checksum unique).</summary>
    private static Task Receive(SnapshotRepository snapshots, string camera, string name, DateTime capturedAt) =>
        snapshots.Record(new SnapshotRepository.NewSnapshot(camera, name.PadRight(64, '0')[..64], $"x/{name}.jpg", 100, 640, 480, $"{name}.jpg", capturedAt, "ftp"));

    [Fact]
    public async Task A_camera_whose_frames_are_being_analysed_is_left_to_that_worker()
    {
        await using var db = await DemoChainDatabase();
        var snapshots = new SnapshotRepository(db.Database);
        foreach (var (camera, n) in new[] { ("CAM-S0001-E1", 1), ("CAM-S0001-E1", 2), ("CAM-S0001-E1", 3), ("CAM-S0002-E1", 1), ("CAM-S0002-E1", 2) })
            await Receive(snapshots, camera, $"{camera}-{n}", DateTime.UtcNow.AddSeconds(n));
        var queue = new SnapshotAnalysisQueue(db.Database);

        var first = await queue.Claim(Kinds, 2, CancellationToken.None);
        Assert.Equal(["CAM-S0001-E1", "CAM-S0001-E1"], first.Select(c => c.CameraCode));

        // S0001's third frame waits for the worker that has its first two; S0002 is free.
        var second = await queue.Claim(Kinds, 10, CancellationToken.None);
        Assert.All(second, c => Assert.Equal("CAM-S0002-E1", c.CameraCode));
        Assert.Equal(2, second.Count);

        foreach (var done in first) await queue.Complete(done.Id, "{}", CancellationToken.None);
        var third = await queue.Claim(Kinds, 10, CancellationToken.None);
        Assert.Equal("CAM-S0001-E1-3.jpg", Assert.Single(third).FileName);
    }

    [Fact]
    public async Task Two_workers_claiming_at_the_same_moment_never_split_one_camera()
    {
        await using var db = await DemoChainDatabase();
        var snapshots = new SnapshotRepository(db.Database);
        for (var n = 1; n <= 6; n++)
            await Receive(snapshots, "CAM-S0003-E1", $"s3-{n}", DateTime.UtcNow.AddSeconds(n));
        var queue = new SnapshotAnalysisQueue(db.Database);

        for (var round = 0; round < 5; round++)
        {
            var claims = await Task.WhenAll(queue.Claim(Kinds, 3, CancellationToken.None), queue.Claim(Kinds, 3, CancellationToken.None));
            Assert.True(claims.Count(c => c.Count > 0) <= 1, $"both workers got frames of one camera in round {round}");
            foreach (var claimed in claims.SelectMany(c => c)) await queue.Complete(claimed.Id, "{}", CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_snapshot_that_failed_for_now_is_claimed_again_after_its_pause_and_given_up_after_the_last_attempt()
    {
        await using var db = await DemoChainDatabase();
        var snapshots = new SnapshotRepository(db.Database);
        await Receive(snapshots, "CAM-S0004-E1", "retry", DateTime.UtcNow);
        var queue = new SnapshotAnalysisQueue(db.Database);
        await using var connection = await db.Database.Open();

        for (var attempt = 1; attempt <= SnapshotAnalysisQueue.MaxAttempts; attempt++)
        {
            var claimed = Assert.Single(await queue.Claim(Kinds, 10, CancellationToken.None));
            var again = await queue.FailForNow(claimed.Id, "TimeoutException: the camera grain did not answer", CancellationToken.None);
            Assert.Equal(attempt < SnapshotAnalysisQueue.MaxAttempts, again);
            // Not before its pause is over.
            Assert.Empty(await queue.Claim(Kinds, 10, CancellationToken.None));
            await connection.ExecuteAsync("UPDATE snapshots SET retry_after = now() - interval '1 second' WHERE id = @id", new { id = claimed.Id });
        }
        Assert.Empty(await queue.Claim(Kinds, 10, CancellationToken.None));
        var (status, attempts, error) = await connection.QuerySingleAsync<(string, int, string)>(
            "SELECT status, attempts, analysis->>'error' FROM snapshots WHERE file_name = 'retry.jpg'");
        Assert.Equal(("failed", SnapshotAnalysisQueue.MaxAttempts), (status, attempts));
        Assert.Contains("did not answer", error);
    }

    [Fact]
    public async Task A_snapshot_postponed_for_the_SKU_gallery_is_never_given_up_and_holds_its_cameras_later_frames()
    {
        await using var db = await DemoChainDatabase();
        var snapshots = new SnapshotRepository(db.Database);
        foreach (var n in new[] { 1, 2 })
            await Receive(snapshots, "CAM-S0001-E1", $"wait-{n}", DateTime.UtcNow.AddSeconds(n));
        var queue = new SnapshotAnalysisQueue(db.Database);
        await using var connection = await db.Database.Open();

        // Far more waits than MaxAttempts: the snapshot is not at fault, so none counts.
        for (var wait = 1; wait <= 3 * SnapshotAnalysisQueue.MaxAttempts; wait++)
        {
            var batch = await queue.Claim(Kinds, 1, CancellationToken.None);
            Assert.Equal("wait-1.jpg", Assert.Single(batch).FileName);
            await queue.Postpone(batch[0], TimeSpan.FromSeconds(15), "SKU gallery not built yet", CancellationToken.None);
            // Neither it nor the frame behind it is claimed before the wait is over.
            Assert.Empty(await queue.Claim(Kinds, 10, CancellationToken.None));
            await connection.ExecuteAsync("UPDATE snapshots SET retry_after = now() - interval '1 second' WHERE id = @id", new { id = batch[0].Id });
        }
        var (status, attempts, waiting) = await connection.QuerySingleAsync<(string, int, string)>(
            "SELECT status, attempts, analysis->>'waiting' FROM snapshots WHERE file_name = 'wait-1.jpg'");
        Assert.Equal(("pending", 0, "SKU gallery not built yet"), (status, attempts, waiting));

        // Once the gallery is there, both frames come, in order.
        var both = await queue.Claim(Kinds, 10, CancellationToken.None);
        Assert.Equal(["wait-1.jpg", "wait-2.jpg"], both.Select(c => c.FileName));

        // A postponement under a claim the stale sweep has ended leaves the new claim alone.
        await connection.ExecuteAsync("UPDATE snapshots SET claimed_at = now() - interval '10 minutes' WHERE camera_code = 'CAM-S0001-E1'");
        Assert.Equal(2, await queue.ReleaseStale(TimeSpan.FromMinutes(5), CancellationToken.None));
        var reclaimed = (await queue.Claim(Kinds, 1, CancellationToken.None)).Single(c => c.Id == both[0].Id);
        await queue.Postpone(both[0], TimeSpan.FromSeconds(15), "late", CancellationToken.None);
        Assert.Equal("analysing", await connection.ExecuteScalarAsync<string>("SELECT status FROM snapshots WHERE id = @id", new { id = reclaimed.Id }));
    }

    [Fact]
    public async Task People_frames_go_before_shelf_photos_and_a_shelf_photo_that_has_waited_goes_first()
    {
        await using var db = await DemoChainDatabase();
        var snapshots = new SnapshotRepository(db.Database);
        // A patrol's two photos arrive first, then a door's and an in-store camera's frames.
        foreach (var (camera, n) in new[] { ("CAM-S0001-P1", 1), ("CAM-S0001-P1", 2), ("CAM-S0001-E1", 1), ("CAM-S0001-I1", 1), ("CAM-S0001-E1", 2) })
            await Receive(snapshots, camera, $"{camera}-{n}", DateTime.UtcNow);
        var queue = new SnapshotAnalysisQueue(db.Database);
        var wait = TimeSpan.FromMinutes(5);
        async Task<IReadOnlyList<string>> Next()
        {
            var claimed = await queue.ClaimInTurn(16, wait, CancellationToken.None);
            foreach (var c in claimed) await queue.Complete(c.Id, "{}", CancellationToken.None);
            return claimed.Select(c => c.FileName).ToList();
        }

        Assert.Equal(["CAM-S0001-E1-1.jpg", "CAM-S0001-I1-1.jpg", "CAM-S0001-E1-2.jpg"], await Next());
        Assert.Equal(["CAM-S0001-P1-1.jpg"], await Next());   // one shelf photo at a time: a door's frame arriving meanwhile goes next
        await Receive(snapshots, "CAM-S0001-E1", "e1-3", DateTime.UtcNow);
        Assert.Equal(["e1-3.jpg"], await Next());

        // The second photo has waited six minutes: it comes with the door's new frame, first.
        await Receive(snapshots, "CAM-S0001-E1", "e1-4", DateTime.UtcNow);
        await using var connection = await db.Database.Open();
        await connection.ExecuteAsync("UPDATE snapshots SET received_at = now() - interval '6 minutes' WHERE file_name = 'CAM-S0001-P1-2.jpg'");
        Assert.Equal(["CAM-S0001-P1-2.jpg", "e1-4.jpg"], await Next());
        Assert.Empty(await Next());
    }

    [Fact]
    public async Task A_cameras_frames_behind_one_waiting_to_be_retried_wait_with_it_and_then_come_in_order()
    {
        await using var db = await DemoChainDatabase();
        var snapshots = new SnapshotRepository(db.Database);
        foreach (var (camera, n) in new[] { ("CAM-S0005-E1", 1), ("CAM-S0005-E1", 2), ("CAM-S0005-E1", 3), ("CAM-S0006-E1", 1) })
            await Receive(snapshots, camera, $"{camera}-{n}", DateTime.UtcNow.AddSeconds(n));
        var queue = new SnapshotAnalysisQueue(db.Database);
        await using var connection = await db.Database.Open();

        var batch = await queue.Claim(Kinds, 3, CancellationToken.None);
        Assert.Equal(["CAM-S0005-E1-1.jpg", "CAM-S0005-E1-2.jpg", "CAM-S0005-E1-3.jpg"], batch.Select(c => c.FileName));
        // The worker's first frame fails for now; it gives the other two back unanalysed.
        Assert.True(await queue.FailForNow(batch[0].Id, "TimeoutException", CancellationToken.None));
        await queue.Release([batch[1], batch[2]], CancellationToken.None);

        // While the first waits for its pause, its camera's later frames wait too; another camera does not.
        Assert.Equal("CAM-S0006-E1-1.jpg", Assert.Single(await queue.Claim(Kinds, 10, CancellationToken.None)).FileName);
        Assert.Empty(await queue.Claim(Kinds, 10, CancellationToken.None));

        await connection.ExecuteAsync("UPDATE snapshots SET retry_after = now() - interval '1 second' WHERE id = @id", new { id = batch[0].Id });
        var again = await queue.Claim(Kinds, 10, CancellationToken.None);
        Assert.Equal(["CAM-S0005-E1-1.jpg", "CAM-S0005-E1-2.jpg", "CAM-S0005-E1-3.jpg"], again.Select(c => c.FileName));
        // A late release under the old claim leaves the new claim alone.
        await queue.Release([batch[1]], CancellationToken.None);
        Assert.Equal("analysing", await connection.ExecuteScalarAsync<string>("SELECT status FROM snapshots WHERE id = @id", new { id = batch[1].Id }));
    }
}
