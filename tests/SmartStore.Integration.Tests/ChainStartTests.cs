using Dapper;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary><c>up --chain</c>'s start: a chain's own installation gets store tags, the recognition models and one admin — nothing of the demo.</summary>
public sealed class ChainStartTests
{
    [Fact]
    public async Task A_chains_installation_starts_with_one_admin_and_no_demo_data_and_a_second_run_changes_nothing()
    {
        await using var database = await TestDatabase.Create();
        var home = Directory.CreateTempSubdirectory("smartstore-chain-");
        try
        {
            var secrets = new SecretsFile(Path.Combine(home.FullName, "secrets.json"));
            var first = Assert.Single(await new ChainStart(database.Database, secrets, _ => { }).Seed());
            Assert.Equal(ChainStart.AdminUsername, first.Username);
            Assert.Equal(RoleCodes.HqAdmin, first.Role);
            var users = new UserAccounts(database.Database);
            Assert.True(await users.Verify("admin", first.Password));

            await using (var connection = await database.Database.Open())
            {
                foreach (var table in new[] { "stores", "cameras", "skus", "regions", "api_keys" })
                    Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"));
                Assert.Equal(["community", "flagship", "mall", "street"],
                    await connection.QueryAsync<string>("SELECT code FROM dictionary_entries WHERE kind = @kind ORDER BY code", new { kind = DictionaryRepository.StoreTag }));
                var models = (await connection.QueryAsync<string>("SELECT camera_kind FROM recognition_models")).ToList();
                Assert.Contains("entrance", models);
                Assert.Contains("shelf", models);
            }

            // Run again: the same admin, the same password, said to be current until it is changed.
            var again = Assert.Single(await new ChainStart(database.Database, secrets, _ => { }).Seed());
            Assert.Equal((first.Password, true), (again.Password, again.Current));
            Assert.Single(await users.List());
            await users.SetPassword("admin", "a-chain-of-its-own-42", "admin");
            Assert.False(Assert.Single(await new ChainStart(database.Database, secrets, _ => { }).Seed()).Current);

            // A chain whose admins are its own (the first one renamed away): no second "admin" is made for it.
            await using (var connection = await database.Database.Open())
                await connection.ExecuteAsync("UPDATE users SET username = 'hq.zhang' WHERE username = 'admin'");
            Assert.Empty(await new ChainStart(database.Database, secrets, _ => { }).Seed());
            Assert.Equal(["hq.zhang"], (await users.List()).Select(u => u.Username));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
