using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Back-office accounts. Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class UserAccounts(SmartStoreDatabase database)
{
    private static readonly PasswordHasher<string> Hasher = new();

    public sealed record Account(int Id, string Username, string DisplayName, Role Role, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> StoreCodes)
    {
        public AccessScope Scope => new(Role, RegionCodes, StoreCodes);
    }

    public async Task<Account?> SignIn(string username, string password)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            "SELECT id, username, display_name AS DisplayName, password_hash AS PasswordHash, role, region_codes AS RegionCodes, store_codes AS StoreCodes FROM users WHERE username = @username",
            new { username });
        if (row is null)
        {
            // Spend the same time as a real check so the response does not reveal which usernames exist.
            Hasher.VerifyHashedPassword(username, DummyHash, password);
            return null;
        }
        return Hasher.VerifyHashedPassword(username, row.PasswordHash, password) == PasswordVerificationResult.Failed ? null : row.ToAccount();
    }

    public async Task<IReadOnlyList<Account>> List()
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<AccountRow>(
            "SELECT id, username, display_name AS DisplayName, '' AS PasswordHash, role, region_codes AS RegionCodes, store_codes AS StoreCodes FROM users ORDER BY id");
        return rows.Select(r => r.ToAccount()).ToList();
    }

    /// <summary>Creates the account, or resets its password and scope when it exists (used by seeding).</summary>
    public Task Upsert(string username, string displayName, string password, Role role, IReadOnlyList<string> regionCodes, IReadOnlyList<string> storeCodes, string actor) =>
        database.InTransaction(async (c, t) =>
        {
            await c.ExecuteAsync("""
                INSERT INTO users (username, display_name, password_hash, role, region_codes, store_codes)
                VALUES (@username, @displayName, @hash, @role, @regions, @stores)
                ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, password_hash = excluded.password_hash,
                    role = excluded.role, region_codes = excluded.region_codes, store_codes = excluded.store_codes
                """, new
            {
                username, displayName, hash = Hasher.HashPassword(username, password), role = role.ToCode(),
                regions = regionCodes.ToArray(), stores = storeCodes.ToArray(),
            }, t);
            await AuditTrail.Record(c, t, actor, "upsert", "user", username, new { role = role.ToCode(), regionCodes, storeCodes });
            return true;
        });

    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    private sealed class AccountRow
    {
        public int Id { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string Role { get; init; } = "";
        public string[] RegionCodes { get; init; } = [];
        public string[] StoreCodes { get; init; } = [];

        public Account ToAccount()
        {
            RoleCodes.TryParse(Role, out var role);
            return new Account(Id, Username, DisplayName, role, RegionCodes, StoreCodes);
        }
    }
}
