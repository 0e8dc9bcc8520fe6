using System.Diagnostics;
using Dapper;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// <c>./smartstore backup</c> and <c>restore</c>, run as an operator runs them, against a database of their own: what was
/// backed up comes back, the secrets with it, and a damaged, unconfirmed or newer-version restore changes nothing.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_brings_back_the_database_and_secrets_and_a_damaged_or_unconfirmed_restore_changes_nothing()
    {
        await using var database = await TestDatabase.Create();
        var home = Directory.CreateTempSubdirectory("smartstore-backup-");
        try
        {
            var secrets = Path.Combine(home.FullName, "secrets.json");
            await File.WriteAllTextAsync(secrets, """{"camera:CAM-B1":"before"}""");
            await Sql(database, "INSERT INTO regions (code, name) VALUES ('BKUP', '备份测试区')");
            var migrations = await Count(database, "SELECT count(*) FROM schema_migrations");
            var picture = Path.Combine(home.FullName, "images", "2026", "12", "06", "CAM-B1", "a1.jpg");
            Directory.CreateDirectory(Path.GetDirectoryName(picture)!);
            await File.WriteAllBytesAsync(picture, [0xFF, 0xD8, 0xFF, 0xD9]);
            var file = Path.Combine(home.FullName, "nightly.tar");

            var backup = await Smartstore(database, home, "backup", file, "--images");
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains("backup written: " + file, backup.Output);
            Assert.Contains("schema 01", backup.Output);
            Assert.Contains("with pictures", backup.Output);

            // What happens after the backup: the region gone, another added, a camera's secret changed.
            await Sql(database, "DELETE FROM regions WHERE code = 'BKUP'; INSERT INTO regions (code, name) VALUES ('AFTR', '备份之后')");
            await File.WriteAllTextAsync(secrets, """{"camera:CAM-B1":"after"}""");
            File.Delete(picture);

            // Not confirmed, truncated, or not a backup at all: refused with the reason, nothing replaced.
            var unconfirmed = await Smartstore(database, home, "restore", file);
            Assert.NotEqual(0, unconfirmed.ExitCode);
            Assert.Contains("run again with --yes", unconfirmed.Error);
            var truncated = Path.Combine(home.FullName, "truncated.tar");
            var whole = await File.ReadAllBytesAsync(file);
            await File.WriteAllBytesAsync(truncated, whole[..(whole.Length / 2)]);
            var damaged = await Smartstore(database, home, "restore", truncated, "--yes");
            Assert.NotEqual(0, damaged.ExitCode);
            Assert.Contains("is not a readable backup", damaged.Error);
            Assert.Equal(1, await Count(database, "SELECT count(*) FROM regions WHERE code = 'AFTR'"));
            Assert.Contains("after", await File.ReadAllTextAsync(secrets));

            var restore = await Smartstore(database, home, "restore", file, "--yes");
            Assert.True(restore.ExitCode == 0, restore.Error);
            Assert.Equal(1, await Count(database, "SELECT count(*) FROM regions WHERE code = 'BKUP'"));
            Assert.Equal(0, await Count(database, "SELECT count(*) FROM regions WHERE code = 'AFTR'"));
            Assert.Equal(migrations, await Count(database, "SELECT count(*) FROM schema_migrations"));
            Assert.Contains("before", await File.ReadAllTextAsync(secrets));
            Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], await File.ReadAllBytesAsync(picture));
            // What it replaced was backed up first.
            var kept = Assert.Single(Directory.GetFiles(Path.Combine(home.FullName, "backups"), "before-restore-*.tar"));
            Assert.True(new FileInfo(kept).Length > 10_000);

            // A backup written by a newer SmartStore (a migration this checkout lacks) is refused before anything is replaced.
            await Sql(database, "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'from_a_newer_version', repeat('0', 64))");
            var newer = Path.Combine(home.FullName, "newer.tar");
            Assert.Equal(0, (await Smartstore(database, home, "backup", newer)).ExitCode);
            await Sql(database, "DELETE FROM schema_migrations WHERE version = 9999; INSERT INTO regions (code, name) VALUES ('NEWR', '新版之后')");
            var fromNewer = await Smartstore(database, home, "restore", newer, "--yes");
            Assert.NotEqual(0, fromNewer.ExitCode);
            Assert.Contains("was written by a newer SmartStore (schema 9999", fromNewer.Error);
            Assert.Equal(1, await Count(database, "SELECT count(*) FROM regions WHERE code = 'NEWR'"));

            // Nightly backups into the backups folder keep the newest two; the one a restore kept stays.
            for (var night = 0; night < 3; night++)
            {
                Assert.Equal(0, (await Smartstore(database, home, "backup", "--keep", "2")).ExitCode);
                await Task.Delay(TimeSpan.FromSeconds(1.1)); // their names are their second
            }
            Assert.Equal(2, Directory.GetFiles(Path.Combine(home.FullName, "backups"), "smartstore-*.tar").Length);
            Assert.Single(Directory.GetFiles(Path.Combine(home.FullName, "backups"), "before-restore-*.tar"));
            Assert.NotEqual(0, (await Smartstore(database, home, "backup", "--keep", "0")).ExitCode);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static Task<FtpClients.Outcome> Smartstore(TestDatabase database, DirectoryInfo home, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = SharedData.RepositoryRoot };
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "smartstore"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["SMARTSTORE_PG"] = database.ConnectionString;
        start.Environment["SMARTSTORE_HOME"] = home.FullName;
        return FtpClients.Run(start);
    }

    private static async Task Sql(TestDatabase database, string sql)
    {
        await using var connection = await database.Database.Open();
        await connection.ExecuteAsync(sql);
    }

    private static async Task<long> Count(TestDatabase database, string sql)
    {
        await using var connection = await database.Database.Open();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
