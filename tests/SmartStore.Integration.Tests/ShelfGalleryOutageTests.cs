using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SmartStore.Silo;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// A silo that starts while the SKU gallery cannot be built (its embeddings table unreadable): a shelf camera's patrol
/// photo is accepted, waits without spending any of its attempts, and is analysed once the database is repaired.
/// </summary>
public sealed class ShelfGalleryOutageTests
{
    private const string Camera = "CAM-S0030-P1";

    [Fact]
    public async Task A_shelf_photo_waits_for_a_gallery_that_cannot_be_built_and_is_analysed_once_it_can()
    {
        await using var db = await TestDatabase.Create();
        var home = Directory.CreateTempSubdirectory("smartstore-gallery-");
        var secrets = new SecretsFile(Path.Combine(home.FullName, "secrets.json"));
        await new DemoChain(db.Database, secrets, _ => { }).Seed();
        await DemoShelves.Seed(db.Database, Path.Combine(SharedData.Shared, "data"), _ => { });
        var reference = await new PlanogramRepository(db.Database).Reference(Camera, 1)
                        ?? throw new InvalidOperationException($"the demo has no planogram for {Camera} preset 1");
        await using var connection = await db.Database.Open();
        await connection.ExecuteAsync("ALTER TABLE sku_photo_embeddings RENAME TO sku_photo_embeddings_gone");

        var ingest = $"http://127.0.0.1:{Loopback.FreePort()}";
        using var silo = SiloHost.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SMARTSTORE_PG"] = db.ConnectionString,
            ["SMARTSTORE_HOME"] = home.FullName,
            ["SMARTSTORE_SILO_PORT"] = Loopback.FreePort().ToString(),
            ["SMARTSTORE_GATEWAY_PORT"] = Loopback.FreePort().ToString(),
            ["Ftp:Enabled"] = "false",
            ["SMARTSTORE_INGEST_URL"] = ingest,
        }));
        await silo.StartAsync();
        try
        {
            var photo = Path.Combine(home.FullName, "patrol.jpg");
            await File.WriteAllBytesAsync(photo, reference);
            var name = $"{Camera}_P01_{DateTime.UtcNow.AddHours(8):yyyyMMddHHmmssfff}.jpg";
            var upload = await FtpClients.Curl("-sS", "-w", "\n%{http_code}", "-u", $"{Camera}:{secrets.Load()[$"camera:{Camera}"]!.GetValue<string>()}",
                "-F", $"file=@{photo};filename={name};type=image/jpeg", $"{ingest}/api/ingest/{Camera}");
            Assert.EndsWith("202", upload.Output.Trim());

            // It waits for the gallery's next attempt, however often the worker picks it up: no attempt is counted.
            var waiting = await Eventually.Get(() => Row(connection, name), r => r.Waiting is not null, TimeSpan.FromSeconds(60), "the photo waiting");
            Assert.Equal(("pending", 0), (waiting.Status, waiting.Attempts));
            Assert.Contains("sku_photo_embeddings", waiting.Waiting);

            await connection.ExecuteAsync("ALTER TABLE sku_photo_embeddings_gone RENAME TO sku_photo_embeddings");
            var analysed = await Eventually.Get(() => Row(connection, name), r => r.Status != "pending" && r.Status != "analysing",
                TimeSpan.FromSeconds(120), "the photo analysed after the repair");
            Assert.Equal(("analysed", 0), (analysed.Status, analysed.Attempts));
        }
        finally
        {
            await silo.StopAsync();
            home.Delete(recursive: true);
        }
    }

    private sealed record SnapshotRow(string Status, int Attempts, string? Waiting);

    private static async Task<SnapshotRow> Row(System.Data.Common.DbConnection connection, string fileName) =>
        await connection.QuerySingleOrDefaultAsync<SnapshotRow>(
            "SELECT status, attempts, analysis->>'waiting' AS waiting FROM snapshots WHERE file_name = @fileName", new { fileName })
        ?? new SnapshotRow("absent", 0, null);
}
