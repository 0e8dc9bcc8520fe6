using System.Text.Json;
using Dapper;
using Npgsql;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Cameras, their binding to a store, PTZ presets and credentials (hashed; the secret is shown once).</summary>
public sealed class CameraRepository(SmartStoreDatabase database)
{
    private const string Columns = """
        c.code, c.kind, c.brand, c.model, c.store_code AS StoreCode, c.patrol_cadence_minutes AS PatrolCadenceMinutes,
        c.presets::text AS PresetsJson, c.door_line::text AS DoorLineJson, c.counting_area::text AS CountingAreaJson,
        c.watches_till AS WatchesTill, c.till
        """;

    public async Task<Page<Camera>> List(AccessScope scope, string? storeCode, string? search, int pageNumber, int pageSize)
    {
        await using var connection = await database.Open();
        var args = StoreScope.Parameters(scope, new
        {
            storeCode,
            search = string.IsNullOrWhiteSpace(search) ? null : $"%{search.Trim()}%",
            limit = pageSize,
            offset = (pageNumber - 1) * pageSize,
        });
        const string where = $"""
            FROM cameras c LEFT JOIN stores s ON s.code = c.store_code
            WHERE {StoreScope.Visible}
              AND (@storeCode::text IS NULL OR c.store_code = @storeCode)
              AND (@search::text IS NULL OR c.code ILIKE @search OR c.brand ILIKE @search OR c.model ILIKE @search)
            """;
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) {where}", args);
        var rows = await connection.QueryAsync<CameraRow>($"SELECT {Columns} {where} ORDER BY c.code LIMIT @limit OFFSET @offset", args);
        return new Page<Camera>(rows.Select(r => r.ToCamera()).ToList(), total, pageNumber, pageSize);
    }

    /// <summary>Every camera of a region (or all) or of one store, whole, by code: what a camera sheet starts from.</summary>
    public async Task<IReadOnlyList<Camera>> Matching(string? regionCode, string? storeCode)
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<CameraRow>($"""
            SELECT {Columns} FROM cameras c LEFT JOIN stores s ON s.code = c.store_code
            WHERE (@regionCode::text IS NULL OR s.region_code = @regionCode) AND (@storeCode::text IS NULL OR c.store_code = @storeCode)
            ORDER BY c.code
            """, new { regionCode, storeCode });
        return rows.Select(r => r.ToCamera()).ToList();
    }

    public async Task<Camera?> Find(string code) => (await FindWithRevision(code))?.Camera;

    /// <summary>The camera and its version (<see cref="Revision"/>): an edit sent against it is saved only while the camera is still at it.</summary>
    public async Task<(Camera Camera, long Revision)?> FindWithRevision(string code)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<CameraRow>($"SELECT {Columns}, {Revision.Of("c")} AS Revision FROM cameras c WHERE c.code = @code",
            new { code });
        return row is null ? null : (row.ToCamera(), row.Revision);
    }

    /// <summary>Who last changed it and when, and what changed since <paramref name="revision"/> (null: only the last change).</summary>
    public Task<AuditTrail.Meanwhile> ChangesSince(string code, long? revision) => AuditTrail.SinceVersion(database, "camera", code, revision);

    /// <summary>Creates the camera and returns its new secret: the only time it exists in clear text.</summary>
    public async Task<string> Create(Camera camera, string actor, string? secret = null)
    {
        secret ??= CameraSecret.Generate();
        var hash = CameraSecret.Hash(secret);
        await Write(camera, actor, "create", InsertSql, hash);
        return secret;
    }

    /// <summary>Creates all the cameras or none of them (bulk import); returns each one's new secret, the only time it exists in clear text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateMany(IReadOnlyList<Camera> cameras, string actor)
    {
        var secrets = cameras.ToDictionary(c => c.Code, _ => CameraSecret.Generate());
        await database.WriteAll(cameras, "Camera", c => c.Code,
            (c, t, camera) => WriteRow(c, t, camera, actor, "import", InsertSql, CameraSecret.Hash(secrets[camera.Code])));
        return secrets;
    }

    /// <summary>
    /// A camera sheet: creates the new cameras (each with its new secret, returned once) and changes the existing ones in one
    /// transaction, all or none, each an import in 操作日志; what the sheet does not set — a line drawn on its page meanwhile —
    /// is kept (<see cref="SmartStoreDatabase.CreateAndChange{T}"/>).
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, string> Secrets, IReadOnlyList<Camera> Changed)> Import(IReadOnlyList<Camera> created,
        IReadOnlyDictionary<string, Func<Camera, Camera>> changes, string actor)
    {
        var secrets = created.ToDictionary(c => c.Code, _ => CameraSecret.Generate());
        var changed = await database.CreateAndChange(new SheetWriting<Camera>("Camera", c => c.Code,
            async (c, t, codes) => (await c.QueryAsync<CameraRow>($"SELECT {Columns} FROM cameras c WHERE c.code = ANY(@codes) ORDER BY c.code FOR UPDATE",
                new { codes }, t)).Select(r => r.ToCamera()),
            (c, t, camera) => WriteRow(c, t, camera, actor, "import", InsertSql, CameraSecret.Hash(secrets[camera.Code])),
            (c, t, camera) => WriteRow(c, t, camera, actor, "import", ImportUpdateSql, null)), created, changes);
        return (secrets, changed);
    }

    /// <summary>A sheet's change: what it sets, the drawings and the till included (the page's own update leaves those alone).</summary>
    private const string ImportUpdateSql = """
        UPDATE cameras SET brand = @Brand, model = @Model, patrol_cadence_minutes = @PatrolCadenceMinutes, presets = CAST(@Presets AS jsonb),
            watches_till = @WatchesTill, till = @Till, door_line = CAST(@DoorLine AS jsonb), counting_area = CAST(@CountingArea AS jsonb),
            updated_at = now()
        WHERE code = @Code
        """;

    private const string InsertSql = """
        INSERT INTO cameras (code, kind, brand, model, store_code, patrol_cadence_minutes, presets, secret_hash, watches_till, till, door_line,
                             counting_area)
        VALUES (@Code, @Kind, @Brand, @Model, @StoreCode, @PatrolCadenceMinutes, CAST(@Presets AS jsonb), @SecretHash, @WatchesTill, @Till,
                CAST(@DoorLine AS jsonb), CAST(@CountingArea AS jsonb))
        """;

    private const string UpdateSql = """
        UPDATE cameras SET kind = @Kind, brand = @Brand, model = @Model, store_code = @StoreCode,
            patrol_cadence_minutes = @PatrolCadenceMinutes, presets = CAST(@Presets AS jsonb),
            watches_till = watches_till AND @Kind = 'interior', till = CASE WHEN @Kind = 'interior' THEN till END, updated_at = now()
        WHERE code = @Code
        """;

    /// <summary>
    /// Saves a camera's master data (its drawings and till left as they are); given the version the edit started from
    /// (<see cref="FindWithRevision"/>), only while the camera is still at it. The version as saved comes back with it.
    /// </summary>
    /// <returns>how it went, the camera's new version, and the camera as stored — what the update leaves alone (its door line,
    /// counting area, till) included.</returns>
    public async Task<(Saving Outcome, long? Revision, Camera? Stored)> Update(Camera camera, string actor, long? revision = null)
    {
        try
        {
            Camera? stored = null;
            var (saving, saved) = await database.Edit("cameras", camera.Code, revision,
                async (c, t) => stored = await WriteRow(c, t, camera, actor, "update", UpdateSql, null));
            return (saving, saved, stored);
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "Camera", camera.Code);
        }
    }

    /// <summary>Issues a new secret (the old one stops working at once) and returns it.</summary>
    public async Task<string?> RotateSecret(string code, string actor)
    {
        var secret = CameraSecret.Generate();
        var changed = await database.InTransaction(async (c, t) =>
        {
            var affected = await c.ExecuteAsync("UPDATE cameras SET secret_hash = @hash, updated_at = now() WHERE code = @code",
                new { code, hash = CameraSecret.Hash(secret) }, t);
            if (affected > 0) await AuditTrail.Record(c, t, actor, "rotate-secret", "camera", code);
            return affected > 0;
        });
        return changed ? secret : null;
    }

    /// <summary>
    /// Removes a camera that never sent anything (a mistyped code, a camera never installed); one with snapshots on record
    /// is refused with a reason, since its pictures and counts are history — it is retired by unbinding it from its store.
    /// </summary>
    public Task<bool> Delete(string code, string actor) => MasterDataRemoval.ByCode(database, "cameras", "Camera", code, actor,
        e => e.SqlState == PostgresErrorCodes.ForeignKeyViolation && e.TableName == "snapshots"
            ? new MasterDataConflict($"Camera '{code}' has snapshots on record, kept until retention removes them; unbind it from its store "
                + "(storeCode null) to retire it.", MasterDataConflict.Refusal.InUse, code)
            : null);

    /// <summary>True when the secret belongs to the camera. Unknown cameras and wrong secrets look the same to the caller.</summary>
    public async Task<bool> VerifySecret(string code, string secret)
    {
        await using var connection = await database.Open();
        var hash = await connection.QuerySingleOrDefaultAsync<string>("SELECT secret_hash FROM cameras WHERE code = @code", new { code });
        return hash is not null && CameraSecret.Matches(secret, hash);
    }

    private async Task<Camera?> Write(Camera camera, string actor, string action, string sql, string? secretHash)
    {
        try
        {
            return await database.InTransaction((c, t) => WriteRow(c, t, camera, actor, action, sql, secretHash));
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "Camera", camera.Code);
        }
    }

    /// <returns>the camera as stored (null when there was no row to write), which is also what 操作日志 keeps: an update leaves
    /// the drawings and the till alone, and the log should not say they were cleared.</returns>
    private static async Task<Camera?> WriteRow(NpgsqlConnection c, NpgsqlTransaction t, Camera camera, string actor, string action, string sql,
        string? secretHash)
    {
        var affected = await c.ExecuteAsync(sql, new
        {
            camera.Code, Kind = camera.Kind.ToCode(), camera.Brand, camera.Model, camera.StoreCode,
            camera.PatrolCadenceMinutes,
            Presets = JsonSerializer.Serialize(camera.Presets, StorageJson.Options),
            SecretHash = secretHash,
            camera.WatchesTill,
            camera.Till,
            // Set when a camera is created (an import's 进店线 and 计数区域); an update leaves what was drawn on its page alone.
            DoorLine = camera.DoorLine is null ? null : JsonSerializer.Serialize(camera.DoorLine, StorageJson.Options),
            CountingArea = camera.CountingArea is null ? null : JsonSerializer.Serialize(camera.CountingArea, StorageJson.Options),
        }, t);
        return affected > 0 ? await Recorded(c, t, actor, action, camera.Code) : null;
    }

    /// <summary>Writes the camera as it now stands to 操作日志 under <paramref name="action"/>, and returns it.</summary>
    private static async Task<Camera> Recorded(NpgsqlConnection c, NpgsqlTransaction t, string actor, string action, string code)
    {
        var stored = (await c.QuerySingleAsync<CameraRow>($"SELECT {Columns} FROM cameras c WHERE c.code = @code", new { code }, t)).ToCamera();
        await AuditTrail.Record(c, t, actor, action, "camera", code, stored);
        return stored;
    }

    /// <summary>Sets (or clears, with null) an entrance camera's door line; false when the camera does not exist.</summary>
    public async Task<bool> SetDoorLine(string code, DoorLine? line, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            var affected = await c.ExecuteAsync(
                "UPDATE cameras SET door_line = CAST(@line AS jsonb), updated_at = now() WHERE code = @code",
                new { code, line = line is null ? null : JsonSerializer.Serialize(line, StorageJson.Options) }, t);
            if (affected > 0) await Recorded(c, t, actor, "door-line", code);
            return affected > 0;
        });

    /// <summary>Sets (or clears, with null) an in-store camera's counting area; false when the camera does not exist.</summary>
    public async Task<bool> SetCountingArea(string code, CountingArea? area, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            var affected = await c.ExecuteAsync(
                "UPDATE cameras SET counting_area = CAST(@area AS jsonb), updated_at = now() WHERE code = @code",
                new { code, area = area is null ? null : JsonSerializer.Serialize(area, StorageJson.Options) }, t);
            if (affected > 0) await Recorded(c, t, actor, "counting-area", code);
            return affected > 0;
        });

    /// <summary>
    /// Marks an in-store camera as watching a till (which one, when the store's POS names several), or not; false when the
    /// camera does not exist.
    /// </summary>
    public async Task<bool> SetWatchesTill(string code, bool watches, string actor, string? till = null) =>
        await database.InTransaction(async (c, t) =>
        {
            till = watches ? till : null;
            var affected = await c.ExecuteAsync("UPDATE cameras SET watches_till = @watches, till = @till, updated_at = now() WHERE code = @code",
                new { code, watches, till }, t);
            if (affected > 0) await Recorded(c, t, actor, "watches-till", code);
            return affected > 0;
        });

    private sealed class CameraRow
    {
        public string Code { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Brand { get; init; } = "";
        public string Model { get; init; } = "";
        public string? StoreCode { get; init; }
        public int PatrolCadenceMinutes { get; init; }
        public string PresetsJson { get; init; } = "[]";
        public string? DoorLineJson { get; init; }
        public string? CountingAreaJson { get; init; }
        public bool WatchesTill { get; init; }
        public string? Till { get; init; }
        public long Revision { get; init; }

        public Camera ToCamera()
        {
            CameraKindNames.TryParse(Kind, out var kind);
            return new Camera(Code, kind, Brand, Model, StoreCode, PatrolCadenceMinutes,
                JsonSerializer.Deserialize<List<CameraPreset>>(PresetsJson, StorageJson.Options) ?? [])
            {
                DoorLine = DoorLineJson is null ? null : JsonSerializer.Deserialize<DoorLine>(DoorLineJson, StorageJson.Options),
                CountingArea = CountingAreaJson is null ? null : JsonSerializer.Deserialize<CountingArea>(CountingAreaJson, StorageJson.Options),
                WatchesTill = WatchesTill,
                Till = Till,
            };
        }
    }
}
