using SmartStore.Bench.Ingest;
using SmartStore.Storage;

namespace SmartStore.Bench.Board;

/// <summary>
/// The demo chain on the benchmark database, in a home folder of its own, and then a silo and a web host of their own
/// (the board and sheets benchmarks); stopped and removed when disposed.
/// </summary>
public sealed class BenchChain : IAsyncDisposable
{
    private readonly DirectoryInfo _work;
    private ChildProcess? _silo;
    private ChildProcess? _web;

    private BenchChain(DirectoryInfo work, SmartStoreDatabase database)
    {
        _work = work;
        Database = database;
        Secrets = new SecretsFile(Path.Combine(work.FullName, "secrets.json"));
    }

    public SmartStoreDatabase Database { get; }

    /// <summary>The demo chain's secrets: its accounts' passwords and its cameras' FTP secrets.</summary>
    public SecretsFile Secrets { get; }

    /// <summary>
    /// Seeds a chain, runs <paramref name="measure"/> on it (its exit code is the benchmark's) and stops and removes what it
    /// started, also when stopped before the end (Ctrl+C, SIGTERM: exit 130).
    /// </summary>
    public static async Task<int> Run(string name, Func<BenchChain, Task<int>> measure, CancellationToken cancellation)
    {
        try
        {
            await using var chain = await Seed(name, cancellation);
            return await measure(chain);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Progress.Say($"{name}: stopped before the end; the servers it started are stopped");
            return 130;
        }
    }

    private static async Task<BenchChain> Seed(string name, CancellationToken cancellation)
    {
        var chain = new BenchChain(Directory.CreateTempSubdirectory($"smartstore-bench-{name}-"), new SmartStoreDatabase(IngestDatabase.ConnectionString()));
        Progress.Say("database: migrating and seeding the demo chain");
        await new IngestDatabase(chain.Database).Prepare(chain.Secrets, cancellation);
        return chain;
    }

    /// <summary>Starts the silo (not analysing pictures) and the web host; the web host's address.</summary>
    /// <param name="pool">Each process's connection pool; 0 leaves each its own default.</param>
    public async Task<Uri> Start(int pool, CancellationToken cancellation)
    {
        var connection = pool > 0 ? $"{IngestDatabase.ConnectionString()};Maximum Pool Size={pool}" : IngestDatabase.ConnectionString();
        Progress.Say($"starting a silo and a web host of their own (pool per process: {(pool > 0 ? pool : ConnectionBudget.DefaultPerPool)})");
        _silo = await BenchSilo.Start(connection, _work.FullName, Loopback.FreePort(), cancellation, analyse: false);
        var (web, address) = await BenchWeb.Start(connection, _work.FullName, cancellation);
        _web = web;
        return address;
    }

    /// <summary>The silo's last lines, to print when something failed.</summary>
    public string SiloTail() => _silo?.Tail() ?? "";

    /// <summary>Signs in as one of the demo chain's accounts (admin, east …).</summary>
    public Task<BoardVisitor> SignIn(Uri web, string username, CancellationToken cancellation) =>
        BoardVisitor.SignIn(web, username, Secrets.Load()[$"user:{username}"]!.GetValue<string>(), cancellation);

    public async ValueTask DisposeAsync()
    {
        if (_web is not null) await _web.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
        await Database.DisposeAsync();
        try { _work.Delete(recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Progress.Say($"could not remove {_work.FullName}: {e.Message}"); }
    }
}
