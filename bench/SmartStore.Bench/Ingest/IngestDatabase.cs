using Dapper;
using SmartStore.Storage;

namespace SmartStore.Bench.Ingest;

/// <summary>
/// The benchmark's own database (<c>SMARTSTORE_BENCH_PG</c>, recreated by <c>./smartstore bench ingest</c>):
/// migrated and seeded with the demo chain here, so the benchmark silo never joins or fills the demo cluster.
/// </summary>
public sealed class IngestDatabase(SmartStoreDatabase database)
{
    public const string Variable = "SMARTSTORE_BENCH_PG";

    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run `./smartstore bench ingest`, which creates a fresh smartstore_bench database.");

    /// <summary>Applies the migrations, refuses a database that already holds snapshots, and seeds the demo chain (secrets into <paramref name="secrets"/>).</summary>
    public async Task Prepare(SecretsFile secrets, CancellationToken cancellation)
    {
        await new SchemaMigrator(database, m => Progress.Say($"  {m}")).Migrate(cancellation);
        if (await CountSnapshots() > 0)
            throw new InvalidOperationException($"The database in {Variable} already holds snapshots; each run needs a fresh one (./smartstore bench ingest recreates it).");
        await new DemoChain(database, secrets, m => Progress.Say($"  {m}")).Seed();
    }

    /// <summary>Snapshot rows, all or only those of <paramref name="cameras"/>.</summary>
    public async Task<long> CountSnapshots(IReadOnlyCollection<string>? cameras = null)
    {
        await using var connection = await database.Open();
        return cameras is null
            ? await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM snapshots")
            : await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM snapshots WHERE camera_code = ANY(@codes)", new { codes = cameras.ToArray() });
    }

    public async Task<long> CountRejections()
    {
        await using var connection = await database.Open();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM ingest_rejections");
    }
}
