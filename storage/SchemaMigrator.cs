using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace SmartStore.Storage;

/// <summary>
/// Applies the versioned SQL files embedded from <c>storage/Migrations</c> (NNNN_name.sql) in order,
/// each in its own transaction, and records them in <c>schema_migrations</c>. A session-level
/// advisory lock lets several processes start at once without applying a file twice; an applied file
/// whose text changed is refused, because the database no longer matches what the code assumes.
/// </summary>
public sealed class SchemaMigrator(SmartStoreDatabase database, Action<string> progress)
{
    private const long MigrationLock = 0x5353_0001;

    public sealed record Migration(int Version, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();
    }

    public async Task<int> Migrate(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@MigrationLock)", new { MigrationLock });
        try
        {
            await connection.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   char(64) NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var applied = (await connection.QueryAsync<(int Version, string Checksum)>(
                "SELECT version, checksum FROM schema_migrations")).ToDictionary(r => r.Version, r => r.Checksum);

            var count = 0;
            var all = Embedded();
            WarnOfNewer(applied.Keys, all);
            var pending = all.Count(m => !applied.ContainsKey(m.Version));
            foreach (var migration in all)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {migration.Version:D4}_{migration.Name} was changed after it was applied; add a new migration instead.");
                    continue;
                }
                progress($"migrating {++count}/{pending}: {migration.Version:D4}_{migration.Name}");
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)",
                    new { migration.Version, migration.Name, migration.Checksum }, transaction);
                await transaction.CommitAsync(cancellationToken);
            }
            progress(count == 0 ? "schema is up to date" : $"applied {count} migration(s)");
            return count;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@MigrationLock)", new { MigrationLock });
        }
    }

    /// <summary>
    /// A database last migrated by a newer SmartStore (a version rolled back, or a newer backup restored by hand) is said so:
    /// this version runs, as most migrations only add, but whoever reads the log knows why something may not fit.
    /// </summary>
    private void WarnOfNewer(IEnumerable<int> applied, IReadOnlyList<Migration> known)
    {
        var newer = applied.Except(known.Select(m => m.Version)).Order().ToList();
        if (newer.Count > 0)
            progress($"warning: the database has {newer.Count} migration(s) this SmartStore does not have (up to {newer[^1]:D4}): it was last run by a newer version");
    }

    private static Migration Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var file = Path.GetFileNameWithoutExtension(resource["Migrations/".Length..]);
        var underscore = file.IndexOf('_');
        var version = int.Parse(file[..underscore]);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(version, file[(underscore + 1)..], sql, checksum);
    }
}
