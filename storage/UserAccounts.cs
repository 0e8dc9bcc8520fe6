using System.Collections.Concurrent;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Back-office accounts. Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class UserAccounts(SmartStoreDatabase database)
{
    private static readonly PasswordHasher<string> Hasher = new();

    /// <param name="Stamp">Bumped by every change of password, role, scope or status; a session signed in under another stamp ends.</param>
    public sealed record Account(int Id, string Username, string DisplayName, Role Role, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> StoreCodes,
        bool Disabled = false, int Stamp = 0, DateTime? LastSignInUtc = null)
    {
        public AccessScope Scope => new(Role, RegionCodes, StoreCodes);
    }

    private const string Columns = """
        id, username, display_name AS DisplayName, role, region_codes AS RegionCodes, store_codes AS StoreCodes,
        disabled, stamp, last_sign_in AS LastSignInUtc
        """;

    /// <summary>The account with its version (<see cref="Revision"/>): an edit begun from it saves only while the account is still at it.</summary>
    public async Task<(Account Account, long Revision)?> FindWithRevision(string username)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>($"SELECT {Columns}, {Revision.Of()} AS Revision FROM users WHERE username = @username",
            new { username });
        return row is null ? null : (row.ToAccount(), row.Revision);
    }

    /// <summary>The changes of the account's version since <paramref name="revision"/>: a password changed or reset does not count.</summary>
    public Task<AuditTrail.Meanwhile> ChangesSince(string username, long? revision) =>
        AuditTrail.SinceVersion(database, "user", username, revision, PasswordActions);

    private static readonly string[] PasswordActions = ["change-password", "reset-password"];

    /// <summary>The account when the password is right (a disabled one too, so the page can say why it may not sign in).</summary>
    public async Task<Account?> SignIn(string username, string password)
    {
        var row = await WithPassword(username, password);
        if (row is null) return null;
        if (!row.Disabled)
        {
            await using var connection = await database.Open();
            await connection.ExecuteAsync("UPDATE users SET last_sign_in = now() WHERE id = @Id", new { row.Id });
        }
        return row.ToAccount();
    }

    public async Task<IReadOnlyList<Account>> List()
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<AccountRow>($"SELECT {Columns} FROM users ORDER BY id");
        return rows.Select(r => r.ToAccount()).ToList();
    }

    public async Task<Account?> Find(string username)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>($"SELECT {Columns} FROM users WHERE username = @username", new { username });
        return row?.ToAccount();
    }

    /// <summary>A new account with its first password; a username already taken is refused.</summary>
    public Task Create(Account account, string password, string actor) =>
        database.InTransaction(async (c, t) =>
        {
            await Insert(c, t, account, Hasher.HashPassword(account.Username, password), actor, "create");
            return true;
        });

    /// <summary>
    /// Creates all the accounts or none of them (bulk import: a chain's store managers at rollout), each with a new first
    /// password, returned here only.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateMany(IReadOnlyList<Account> accounts, Func<string> newPassword, string actor)
    {
        var (passwords, hashes) = await FirstPasswords(accounts, newPassword);
        await database.WriteAll(accounts, "Account", a => a.Username, (c, t, account) => Insert(c, t, account, hashes[account.Username], actor, "import"));
        return passwords;
    }

    /// <summary>
    /// New accounts' first passwords and their hashes, hashed side by side before any transaction: a hash is slow by design
    /// (tens of milliseconds), so two thousand of them would otherwise hold the transaction open for over a minute.
    /// </summary>
    private static async Task<(Dictionary<string, string> Passwords, ConcurrentDictionary<string, string> Hashes)> FirstPasswords(
        IReadOnlyList<Account> accounts, Func<string> newPassword)
    {
        var passwords = accounts.ToDictionary(a => a.Username, _ => newPassword());
        var hashes = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(accounts, (a, _) =>
        {
            hashes[a.Username] = Hasher.HashPassword(a.Username, passwords[a.Username]);
            return ValueTask.CompletedTask;
        });
        return (passwords, hashes);
    }

    /// <summary>
    /// Changes name, role, scope and status; given the version the edit began from (<see cref="FindWithRevision"/>), only
    /// while the account is still at it. The chain keeps at least one enabled HQ admin: disabling or demoting the last one
    /// is refused. The version as saved comes back with it.
    /// </summary>
    public Task<(Saving Outcome, long? Revision)> Update(Account account, string actor, long? revision = null)
    {
        IReadOnlyList<string> admins = [];
        return database.Edit("users", account.Username, revision, async (c, t) =>
        {
            if (admins.SequenceEqual([account.Username]) && (account.Disabled || account.Role != Role.HqAdmin)) throw LastAdmin(account.Username);
            await Change(c, t, account, actor, "update");
        },
        // Admins first, then the account, in the order a sheet locks them.
        key: "username", lockFirst: async (c, t) => admins = await LockAdmins(c, t));
    }

    /// <summary>
    /// An account sheet (批量导入, 按表更新): creates the new accounts, each with a first password returned here only, and changes
    /// the existing ones by the sheet's cells, in one transaction, all or none; a change that changes nothing is not written.
    /// A sheet that would leave no enabled HQ admin is refused whole. Returns the passwords and the accounts as changed.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, string> Passwords, IReadOnlyList<Account> Changed)> Import(IReadOnlyList<Account> created,
        IReadOnlyDictionary<string, Func<Account, Account>> changes, Func<string> newPassword, string actor)
    {
        var (passwords, hashes) = await FirstPasswords(created, newPassword);
        var changed = await database.CreateAndChange(new SheetWriting<Account>("Account", a => a.Username,
            async (c, t, usernames) =>
            {
                // Admins first, in the order Update locks them, so a sheet and a page's change cannot each leave the other the last.
                await LockAdmins(c, t);
                return (await c.QueryAsync<AccountRow>($"SELECT {Columns} FROM users WHERE username = ANY(@usernames) ORDER BY id FOR UPDATE",
                    new { usernames }, t)).Select(r => r.ToAccount());
            },
            (c, t, account) => Insert(c, t, account, hashes[account.Username], actor, "import"),
            (c, t, account) => Change(c, t, account, actor, "import"),
            async (c, t) =>
            {
                // Only a change can disable or demote; new accounts alone leave the admins as they were.
                if (changes.Count > 0
                    && await c.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE role = 'hq_admin' AND NOT disabled", transaction: t) == 0)
                    throw LastAdmin(changes.Keys.Order(StringComparer.Ordinal).First());
            }), created, changes);
        return (passwords, changed);
    }

    private static async Task<List<string>> LockAdmins(NpgsqlConnection c, NpgsqlTransaction t) =>
        (await c.QueryAsync<string>("SELECT username FROM users WHERE role = 'hq_admin' AND NOT disabled ORDER BY id FOR UPDATE", transaction: t)).ToList();

    private static MasterDataConflict LastAdmin(string username) =>
        new($"'{username}' is the last enabled HQ admin; it cannot be disabled or given another role.", MasterDataConflict.Refusal.LastAdmin, username);

    /// <summary>Writes an account's name, role, scope and status; a change of role, scope or status ends its sessions (the stamp).</summary>
    private static async Task Change(NpgsqlConnection c, NpgsqlTransaction t, Account account, string actor, string action)
    {
        await c.ExecuteAsync("""
            UPDATE users SET display_name = @DisplayName, role = @role, region_codes = @regions, store_codes = @stores, disabled = @Disabled, updated_at = now(),
                stamp = stamp + CASE WHEN (role, region_codes, store_codes, disabled) IS DISTINCT FROM (@role, @regions, @stores, @Disabled) THEN 1 ELSE 0 END
            WHERE username = @Username
            """, new { account.Username, account.DisplayName, role = account.Role.ToCode(), regions = account.RegionCodes.ToArray(),
            stores = account.StoreCodes.ToArray(), account.Disabled }, t);
        await AuditTrail.Record(c, t, actor, action, "user", account.Username, Audited(account));
    }

    /// <summary>What became of an account asked to be removed.</summary>
    public enum Removal { Removed, NotFound, StillEnabled }

    /// <summary>
    /// Removes a disabled account for good (someone who left; their name is no longer kept with it). An enabled one is
    /// refused: disabling first ends its sessions and keeps the last HQ admin. What the person did stays in the audit log
    /// and the sign-in log under the username, which is not given again.
    /// </summary>
    public Task<Removal> Remove(string username, string actor) =>
        database.InTransaction(async (c, t) =>
        {
            var disabled = await c.QuerySingleOrDefaultAsync<bool?>("SELECT disabled FROM users WHERE username = @username FOR UPDATE", new { username }, t);
            if (disabled is null) return Removal.NotFound;
            if (disabled == false) return Removal.StillEnabled;
            await c.ExecuteAsync("""
                DELETE FROM users WHERE username = @username;
                INSERT INTO removed_usernames (username, removed_by) VALUES (@username, @actor) ON CONFLICT (username) DO NOTHING;
                """, new { username, actor }, t);
            await AuditTrail.Record(c, t, actor, "remove", "user", username, new { });
            return Removal.Removed;
        });

    /// <summary>Sets a new password (a reset by head office, or the person's own change); every session of the account ends.</summary>
    public Task<bool> SetPassword(string username, string password, string actor) =>
        database.InTransaction(async (c, t) =>
        {
            var changed = await c.ExecuteAsync("UPDATE users SET password_hash = @hash, stamp = stamp + 1 WHERE username = @username",
                new { username, hash = Hasher.HashPassword(username, password) }, t);
            if (changed == 0) return false;
            await AuditTrail.Record(c, t, actor, actor == username ? "change-password" : "reset-password", "user", username, new { });
            return true;
        });

    /// <summary>Whether the password is the account's (for a person changing their own).</summary>
    public async Task<bool> Verify(string username, string password) => await WithPassword(username, password) is not null;

    private async Task<AccountRow?> WithPassword(string username, string password)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            $"SELECT {Columns}, password_hash AS PasswordHash FROM users WHERE username = @username", new { username });
        // Without such an account, spend the same time as a real check so the answer does not reveal which usernames exist.
        var verified = Hasher.VerifyHashedPassword(username, row?.PasswordHash ?? DummyHash, password);
        return row is not null && verified != PasswordVerificationResult.Failed ? row : null;
    }

    private static async Task Insert(NpgsqlConnection c, NpgsqlTransaction t, Account account, string hash, string actor, string action)
    {
        if (await c.QuerySingleOrDefaultAsync<DateTime?>("SELECT removed_utc FROM removed_usernames WHERE username = @Username", new { account.Username }, t) is { } removed)
            throw new MasterDataConflict($"Account '{account.Username}' was removed on {removed:yyyy-MM-dd}; its history stays under the name: choose another.",
                MasterDataConflict.Refusal.Duplicate, account.Username);
        var added = await c.ExecuteAsync("""
            INSERT INTO users (username, display_name, password_hash, role, region_codes, store_codes)
            VALUES (@Username, @DisplayName, @hash, @role, @regions, @stores) ON CONFLICT (username) DO NOTHING
            """, new
        {
            account.Username, account.DisplayName, hash, role = account.Role.ToCode(),
            regions = account.RegionCodes.ToArray(), stores = account.StoreCodes.ToArray(),
        }, t);
        if (added == 0) throw new MasterDataConflict($"Account '{account.Username}' already exists.", MasterDataConflict.Refusal.Duplicate, account.Username);
        await AuditTrail.Record(c, t, actor, action, "user", account.Username, Audited(account));
    }

    private static object Audited(Account account) =>
        Audited(account.DisplayName, account.Role, account.RegionCodes, account.StoreCodes, account.Disabled);

    /// <summary>An account as 操作日志 keeps it, whatever wrote it: its next change is read against it field by field.</summary>
    private static object Audited(string displayName, Role role, IReadOnlyList<string> regionCodes, IReadOnlyList<string> storeCodes, bool disabled) =>
        new { displayName, role = role.ToCode(), regionCodes, storeCodes, disabled };

    /// <summary>Creates the account, or resets its password and scope when it exists (used by seeding).</summary>
    public Task Upsert(string username, string displayName, string password, Role role, IReadOnlyList<string> regionCodes, IReadOnlyList<string> storeCodes, string actor) =>
        database.InTransaction(async (c, t) =>
        {
            var disabled = await c.ExecuteScalarAsync<bool>("""
                INSERT INTO users (username, display_name, password_hash, role, region_codes, store_codes)
                VALUES (@username, @displayName, @hash, @role, @regions, @stores)
                ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, password_hash = excluded.password_hash,
                    role = excluded.role, region_codes = excluded.region_codes, store_codes = excluded.store_codes, stamp = users.stamp + 1
                RETURNING disabled
                """, new
            {
                username, displayName, hash = Hasher.HashPassword(username, password), role = role.ToCode(),
                regions = regionCodes.ToArray(), stores = storeCodes.ToArray(),
            }, t);
            // The whole account as the upsert leaves it (disabled kept as it was).
            await AuditTrail.Record(c, t, actor, "upsert", "user", username, Audited(displayName, role, regionCodes, storeCodes, disabled));
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
        public bool Disabled { get; init; }
        public int Stamp { get; init; }
        public DateTime? LastSignInUtc { get; init; }
        public long Revision { get; init; }

        public Account ToAccount()
        {
            RoleCodes.TryParse(Role, out var role);
            return new Account(Id, Username, DisplayName, role, RegionCodes, StoreCodes, Disabled, Stamp, LastSignInUtc);
        }
    }
}
