using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartStore.Silo;
using SmartStore.Silo.Ingest;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

public sealed class RetentionTests
{
    [Fact]
    public async Task Sweep_removes_snapshots_older_than_the_retention_and_keeps_the_rest()
    {
        await using var db = await TestDatabase.Create();
        var home = Directory.CreateTempSubdirectory("smartstore-retention-");
        await new DemoChain(db.Database, new SecretsFile(Path.Combine(home.FullName, "secrets.json")), _ => { }).Seed();
        var options = Options.Create(new IngestOptions { RetentionDays = 30 });
        var images = new ImagesFolder(options, new SiloSettings(db.ConnectionString, 0, 0, home.FullName));
        var repository = new SnapshotRepository(db.Database);

        async Task<string> Store(string sha, int ageDays)
        {
            var received = DateTime.UtcNow.AddDays(-ageDays);
            var relative = images.PlaceFor("CAM-S0001-E1", sha, received);
            Directory.CreateDirectory(Path.GetDirectoryName(images.FullPath(relative))!);
            await File.WriteAllBytesAsync(images.FullPath(relative), [0xFF, 0xD8]);
            var (id, _) = await repository.Record(new SnapshotRepository.NewSnapshot("CAM-S0001-E1", sha, relative, 2, 1, 1, "x.jpg", null, "ftp"));
            await using var connection = await db.Database.Open();
            await connection.ExecuteAsync("UPDATE snapshots SET received_at = @received WHERE id = @id", new { received, id });
            return relative;
        }

        var old = await Store(new string('a', 64), 45);
        var recent = await Store(new string('b', 64), 3);

        var sweeper = new SnapshotRetention(repository, images, options, TimeProvider.System, NullLogger<SnapshotRetention>.Instance);
        Assert.Equal(1, await sweeper.SweepOnce(CancellationToken.None));

        Assert.False(File.Exists(images.FullPath(old)));
        Assert.True(File.Exists(images.FullPath(recent)));
        await using var check = await db.Database.Open();
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM snapshots"));
        Assert.Equal(0, await sweeper.SweepOnce(CancellationToken.None));
        home.Delete(recursive: true);
    }
}
