using SmartStore.Models;
using Dapper;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_build_the_schema_from_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using var db = await TestDatabase.Create(migrate: false);
        var log = new List<string>();
        var migrator = new SchemaMigrator(db.Database, log.Add);

        var applied = await migrator.Migrate();
        Assert.Equal(SchemaMigrator.Embedded().Count, applied);
        Assert.Equal(0, await migrator.Migrate());
        Assert.Contains(log, l => l.Contains("0001_orleans_clustering"));
        Assert.DoesNotContain(log, l => l.StartsWith("warning", StringComparison.Ordinal));

        await using var connection = await db.Database.Open();
        // A database a newer SmartStore migrated further is said so, and this version still starts on it.
        await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'from_a_newer_version', repeat('0', 64))");
        Assert.Equal(0, await migrator.Migrate());
        Assert.Contains(log, l => l.StartsWith("warning: the database has 1 migration(s) this SmartStore does not have (up to 9999)", StringComparison.Ordinal));
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToHashSet();
        foreach (var table in new[] { "orleansquery", "orleans_membership", "orleans_grain_state", "orleans_reminder",
                     "regions", "stores", "cameras", "skus", "sku_photos", "dictionary_entries", "users", "api_keys", "audit_log" })
            Assert.Contains(table, tables);

        // Every query key the three Orleans ADO.NET providers ask for.
        var keys = (await connection.QueryAsync<string>("SELECT querykey FROM orleansquery")).ToHashSet();
        foreach (var key in new[] { "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
                     "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
                     "CleanupDefunctSiloEntriesKey", "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey",
                     "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
                     "DeleteReminderRowKey", "DeleteReminderRowsKey" })
            Assert.Contains(key, keys);
    }

    [Fact]
    public async Task Seeding_the_demo_chain_twice_is_safe()
    {
        await using var db = await TestDatabase.Create();
        var secrets = new SecretsFile(Path.Combine(Path.GetTempPath(), $"secrets-{Guid.NewGuid():N}.json"));
        try
        {
            var first = await new DemoChain(db.Database, secrets, _ => { }).Seed();
            var second = await new DemoChain(db.Database, secrets, _ => { }).Seed();
            Assert.Equal(first, second);

            await using var connection = await db.Database.Open();
            Assert.Equal(30, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM stores"));
            // Two per store, plus a second shelf dome, an in-store camera and a camera over the till in each of the four flagship stores.
            Assert.Equal(72, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM cameras"));
            // Every demo entrance camera counts at its door line, every in-store one in its counting area.
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM cameras WHERE (kind = 'entrance' AND door_line IS NULL) OR (kind = 'interior' AND counting_area IS NULL)"));
            Assert.Equal(8, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM cameras WHERE counting_area IS NOT NULL"));
            Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM cameras WHERE watches_till"));
            // Every demo store plans an early and a late shift (seeded once: seeding again adds none), half its staff on each.
            Assert.Equal(60, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM store_shifts"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM stores s WHERE (SELECT sum(staff) FROM store_shifts h WHERE h.store_code = s.code) <> s.staff_count"));
            // The demo POS's key is issued once and kept: seeding again reuses it.
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM api_keys"));
            Assert.StartsWith("ssk_", secrets.Load()[DemoTill.PosKeySecret]!.GetValue<string>());
            Assert.Equal(40, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM skus"));
            Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(DISTINCT region_code) FROM stores") >= 3);
            Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM skus WHERE is_competitor") > 0);
        }
        finally
        {
            File.Delete(secrets.Path);
        }
    }
}
