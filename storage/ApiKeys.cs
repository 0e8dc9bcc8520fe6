using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// API keys for integrators: <c>ssk_{prefix}_{secret}</c>. Only the SHA-256 of the whole key is kept;
/// the prefix finds the row. Keys carry a role and scope like a user, and can be revoked.
/// </summary>
public sealed class ApiKeys(SmartStoreDatabase database)
{
    /// <summary>How every key begins: a bearer token that does not is no key of ours.</summary>
    public const string KeyStart = "ssk_";

    public sealed record KeyInfo(int Id, string Name, string Prefix, Role Role, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> StoreCodes, string CreatedBy, DateTime CreatedAt, DateTime? RevokedAt,
        long Calls = 0, DateTime? LastUsedAt = null)
    {
        /// <summary>
        /// A region key covers its regions only: stores beside a region manager's regions are an account's, and a key issued
        /// with store codes beside its regions (the API took them, and they meant nothing) must not start to reach them.
        /// </summary>
        public AccessScope Scope => new(Role, RegionCodes, Role == Role.StoreManager ? StoreCodes : []);
    }

    public async Task<(KeyInfo Info, string Key)> Issue(string name, AccessScope scope, string actor)
    {
        var prefix = CameraSecret.Generate(8);
        var key = $"{KeyStart}{prefix}_{CameraSecret.Generate(32)}";
        var info = await database.InTransaction(async (c, t) =>
        {
            var row = await c.QuerySingleAsync<KeyRow>($"""
                INSERT INTO api_keys (name, prefix, key_hash, role, region_codes, store_codes, created_by)
                VALUES (@name, @prefix, @hash, @role, @regions, @stores, @actor) RETURNING {KeyRow.Columns}
                """, new { name, prefix, hash = CameraSecret.Hash(key), role = scope.Role.ToCode(), regions = scope.RegionCodes.ToArray(), stores = scope.StoreCodes.ToArray(), actor }, t);
            await AuditTrail.Record(c, t, actor, "issue", "api_key", prefix, new { name, role = scope.Role.ToCode() });
            return row.ToInfo();
        });
        return (info, key);
    }

    /// <summary>The key's info if it is genuine and not revoked; null otherwise.</summary>
    public async Task<KeyInfo?> Verify(string key)
    {
        var parts = key.Split('_');
        if (parts.Length != 3 || parts[0] != "ssk" || parts[1].Length != 8) return null;
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(
            $"SELECT {KeyRow.Columns}, key_hash AS KeyHash FROM api_keys WHERE prefix = @prefix", new { prefix = parts[1] });
        if (row is null || row.RevokedAt is not null || !CameraSecret.Matches(key, row.KeyHash)) return null;
        return row.ToInfo();
    }

    public async Task<IReadOnlyList<KeyInfo>> List()
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<KeyRow>($"SELECT {KeyRow.Columns} FROM api_keys ORDER BY id")).Select(r => r.ToInfo()).ToList();
    }

    public Task<bool> Revoke(int id, string actor) => database.InTransaction(async (c, t) =>
    {
        var prefix = await c.QuerySingleOrDefaultAsync<string>(
            "UPDATE api_keys SET revoked_at = now() WHERE id = @id AND revoked_at IS NULL RETURNING prefix", new { id }, t);
        if (prefix is not null) await AuditTrail.Record(c, t, actor, "revoke", "api_key", prefix);
        return prefix is not null;
    });

    /// <summary>Adds calls counted since the last write, each key's with the time of its latest call.</summary>
    public async Task RecordUse(IReadOnlyCollection<(int Id, long Calls, DateTime LastUtc)> uses)
    {
        if (uses.Count == 0) return;
        await using var connection = await database.Open();
        await connection.ExecuteAsync("""
            UPDATE api_keys k SET calls = k.calls + u.calls, last_used_at = GREATEST(k.last_used_at, u.last)
            FROM unnest(@ids, @calls, @lasts) AS u(id, calls, last) WHERE k.id = u.id
            """, new { ids = uses.Select(u => u.Id).ToArray(), calls = uses.Select(u => u.Calls).ToArray(), lasts = uses.Select(u => u.LastUtc).ToArray() });
    }

    private sealed class KeyRow
    {
        public const string Columns = "id, name, prefix, role, region_codes AS RegionCodes, store_codes AS StoreCodes, created_by AS CreatedBy, created_at AS CreatedAt, revoked_at AS RevokedAt, calls, last_used_at AS LastUsedAt";

        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string Role { get; init; } = "";
        public string[] RegionCodes { get; init; } = [];
        public string[] StoreCodes { get; init; } = [];
        public string CreatedBy { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? RevokedAt { get; init; }
        public string KeyHash { get; init; } = "";
        public long Calls { get; init; }
        public DateTime? LastUsedAt { get; init; }

        public KeyInfo ToInfo()
        {
            RoleCodes.TryParse(Role, out var role);
            return new KeyInfo(Id, Name, Prefix, role, RegionCodes, StoreCodes, CreatedBy, CreatedAt, RevokedAt, Calls, LastUsedAt);
        }
    }
}
