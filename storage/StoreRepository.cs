using System.Text.Json;
using Dapper;
using Npgsql;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Stores of the chain; every read is filtered by the caller's scope in SQL, not after the fact.</summary>
public sealed class StoreRepository(SmartStoreDatabase database)
{
    private const string Columns = $"""
        code, name, region_code AS RegionCode, city, address, latitude, longitude, tags,
        {StoreHours.WithDates} AS OpeningHoursJson, time_zone AS TimeZone, staff_count AS StaffCount
        """;

    /// <summary>Every store's code, in code order (the silo wakes each store's grain by it).</summary>
    public async Task<IReadOnlyList<string>> Codes(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT code FROM stores ORDER BY code", cancellationToken: cancellationToken))).ToList();
    }

    /// <param name="stages">only the stores at one of these stages on their own today (null: every store).</param>
    public async Task<Page<Store>> List(AccessScope scope, string? search, string? regionCode, string? tag, int pageNumber, int pageSize,
        IReadOnlyCollection<StoreStage>? stages = null)
    {
        await using var connection = await database.Open();
        var args = StoreScope.Parameters(scope, new
        {
            search = string.IsNullOrWhiteSpace(search) ? null : $"%{search.Trim()}%",
            regionCode,
            tag,
            stages = stages?.Select(s => s.ToCode()).ToArray(),
            limit = pageSize,
            offset = (pageNumber - 1) * pageSize,
        });
        var where = $"""
            WHERE {StoreScope.Visible}
              AND (@search::text IS NULL OR code ILIKE @search OR name ILIKE @search OR city ILIKE @search OR address ILIKE @search)
              AND (@regionCode::text IS NULL OR region_code = @regionCode)
              AND (@tag::text IS NULL OR @tag = ANY(tags))
              AND (@stages::text[] IS NULL OR {StoreHours.StageToday} = ANY(@stages))
            """;
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM stores s {where}", args);
        var rows = await connection.QueryAsync<StoreRow>($"SELECT {Columns} FROM stores s {where} ORDER BY code LIMIT @limit OFFSET @offset", args);
        return new Page<Store>(rows.Select(r => r.ToStore()).ToList(), total, pageNumber, pageSize);
    }

    /// <summary>
    /// Every store's region, by store code — or only those of <paramref name="codes"/> that exist: what a chain-wide count
    /// per region needs, or a check of an account's stores, without the stores' details.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> RegionOfEach(IReadOnlyCollection<string>? codes = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<(string, string)>(new CommandDefinition(
                "SELECT code, region_code FROM stores WHERE @codes::text[] IS NULL OR code = ANY(@codes)", new { codes = codes?.ToArray() },
                cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>
    /// A store and its version (<see cref="Revision"/>), read together, for an edit that must not overwrite a change made
    /// meanwhile (an edit page left open while head office set holiday hours for every store).
    /// </summary>
    public async Task<(Store Store, long Revision)?> FindWithRevision(string code)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<StoreRow>($"SELECT {Columns}, {Revision.Of()} AS Revision FROM stores WHERE code = @code", new { code });
        return row is null ? null : (row.ToStore(), row.Revision);
    }

    /// <summary>Who last changed (or created) a store's details and when, and what changed since <paramref name="revision"/>, from 操作日志.</summary>
    public Task<AuditTrail.Meanwhile> ChangesSince(string code, long? revision) => AuditTrail.SinceVersion(database, "store", code, revision);

    public async Task<Store?> Find(string code) => (await FindWithRevision(code))?.Store;

    public async Task<bool> RegionExists(string code)
    {
        await using var connection = await database.Open();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM regions WHERE code = @code)", new { code });
    }

    /// <summary>A new store, its opening and closing dates with it (a store created ahead of its opening day).</summary>
    private const string InsertSql = """
        INSERT INTO stores (code, name, region_code, city, address, latitude, longitude, tags, opening_hours, time_zone, staff_count, opens_on, closed_on)
        VALUES (@Code, @Name, @RegionCode, @City, @Address, @Latitude, @Longitude, @Tags, CAST(@OpeningHours AS jsonb), @TimeZone, @StaffCount,
            @OpensOn, @ClosedOn)
        """;

    public Task Create(Store store, string actor) => Write(store, actor, "create", InsertSql);

    /// <summary>Creates all the stores or none of them (bulk import).</summary>
    public Task CreateMany(IReadOnlyList<Store> stores, string actor) =>
        database.WriteAll(stores, "Store", s => s.Code, (c, t, store) => WriteRow(c, t, store, actor, "import", InsertSql));

    private const string UpdateSql = """
        UPDATE stores SET name = @Name, region_code = @RegionCode, city = @City, address = @Address,
            latitude = @Latitude, longitude = @Longitude, tags = @Tags, opening_hours = CAST(@OpeningHours AS jsonb),
            time_zone = @TimeZone, staff_count = @StaffCount, updated_at = now()
        WHERE code = @Code
        """;

    /// <summary>
    /// Saves a store's details; given the version the edit started from (<see cref="FindWithRevision"/>), only while the
    /// store is still at it, so a change saved meanwhile is neither overwritten nor lost. The version as saved comes back
    /// with it, for the next change.
    /// </summary>
    public async Task<(Saving Outcome, long? Revision)> Update(Store store, string actor, long? revision = null)
    {
        try
        {
            return await database.Edit("stores", store.Code, revision, (c, t) => WriteRow(c, t, store, actor, "update", UpdateSql));
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "Store", store.Code);
        }
    }

    /// <summary>
    /// Changes many stores in one transaction, all or none, each an update in 操作日志 (head office's holiday hours). Each row
    /// is locked as it is read, so an edit saved meanwhile on a store's page is neither overwritten nor lost;
    /// <paramref name="change"/> returns null to leave a store as it is. Returns the stores as changed.
    /// </summary>
    public async Task<IReadOnlyList<Store>> ChangeMany(IReadOnlyList<string> codes, Func<Store, Store?> change, string actor)
    {
        if (codes.Count == 0) return [];
        try
        {
            return await database.InTransaction<IReadOnlyList<Store>>(async (c, t) =>
            {
                var rows = await c.QueryAsync<StoreRow>($"SELECT {Columns} FROM stores WHERE code = ANY(@codes) ORDER BY code FOR UPDATE",
                    new { codes = codes.ToArray() }, t);
                var changed = new List<Store>();
                foreach (var store in rows.Select(r => r.ToStore()))
                    if (change(store) is { } next)
                    {
                        await WriteRow(c, t, next, actor, "update", UpdateSql);
                        changed.Add(next);
                    }
                return changed;
            });
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "Store", string.Join(", ", codes.Take(3)));
        }
    }

    /// <summary>
    /// A sheet's change to a store: its details and both dates (开业日期 / 闭店日期 columns; the change keeps a date whose cell
    /// was empty) — where a page or API edit leaves the dates to their own operations.
    /// </summary>
    private const string ImportUpdateSql = """
        UPDATE stores SET name = @Name, region_code = @RegionCode, city = @City, address = @Address,
            latitude = @Latitude, longitude = @Longitude, tags = @Tags, opening_hours = CAST(@OpeningHours AS jsonb),
            time_zone = @TimeZone, staff_count = @StaffCount, opens_on = @OpensOn, closed_on = @ClosedOn, updated_at = now()
        WHERE code = @Code
        """;

    /// <summary>
    /// A store sheet: creates the new stores and changes the existing ones in one transaction, all or none, each an import in
    /// 操作日志; what the sheet does not set — holiday hours set meanwhile, say — is kept (<see cref="SmartStoreDatabase.CreateAndChange{T}"/>).
    /// Returns the stores as changed.
    /// </summary>
    public Task<IReadOnlyList<Store>> Import(IReadOnlyList<Store> created, IReadOnlyDictionary<string, Func<Store, Store>> changes, string actor) =>
        database.CreateAndChange(new SheetWriting<Store>("Store", s => s.Code,
            async (c, t, codes) => (await c.QueryAsync<StoreRow>($"SELECT {Columns} FROM stores WHERE code = ANY(@codes) ORDER BY code FOR UPDATE",
                new { codes }, t)).Select(r => r.ToStore()),
            (c, t, store) => WriteRow(c, t, store, actor, "import", InsertSql),
            (c, t, store) => WriteRow(c, t, store, actor, "import", ImportUpdateSql)), created, changes);

    /// <summary>Every store of a region (or all regions) with a tag (or any), whole, by code: what a change to many stores starts from.</summary>
    public async Task<IReadOnlyList<Store>> Matching(string? regionCode, string? tag)
    {
        await using var connection = await database.Open();
        var rows = await connection.QueryAsync<StoreRow>($"""
            SELECT {Columns} FROM stores
            WHERE (@regionCode::text IS NULL OR region_code = @regionCode) AND (@tag::text IS NULL OR @tag = ANY(tags))
            ORDER BY code
            """, new { regionCode, tag });
        return rows.Select(r => r.ToStore()).ToList();
    }

    /// <summary>The stores whose opening or closing date is their own today, each with that today (the day their stage turns).</summary>
    public async Task<IReadOnlyList<(string Code, DateOnly Today)>> TurningToday(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, DateTime Today)>(new CommandDefinition($"""
            SELECT code, {StoreHours.Today} FROM stores WHERE {StoreHours.Today} IN (opens_on, closed_on) ORDER BY code
            """, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Code, DateOnly.FromDateTime(r.Today))).ToList();
    }

    /// <summary>
    /// Closes a store for good from a store-local date (闭店), or reopens it (<paramref name="closedOn"/> null), with its entry
    /// in 操作日志; false when there is no such store. Its record and history stay; only the closure changes.
    /// </summary>
    public Task<bool> SetClosedOn(string code, DateOnly? closedOn, string actor) =>
        SetDate(code, "closed_on", closedOn, actor, closedOn is null ? "reopen-store" : "close-down", new { closedOn });

    /// <summary>Sets a store's first trading day (开业日期), or clears it (trading already), with its entry in 操作日志; false when there is no such store.</summary>
    public Task<bool> SetOpensOn(string code, DateOnly? opensOn, string actor) =>
        SetDate(code, "opens_on", opensOn, actor, opensOn is null ? "clear-opening" : "set-opening", new { opensOn });

    /// <param name="column">opens_on or closed_on: one of the two dates kept apart from the hours.</param>
    private async Task<bool> SetDate(string code, string column, DateOnly? date, string actor, string action, object detail) =>
        await database.InTransaction(async (c, t) =>
        {
            var found = await c.ExecuteAsync($"UPDATE stores SET {column} = @date, updated_at = now() WHERE code = @code",
                new { code, date = date?.ToDateTime(TimeOnly.MinValue) }, t) == 1;
            if (found) await AuditTrail.Record(c, t, actor, action, "store", code, detail);
            return found;
        });

    public Task<bool> Delete(string code, string actor) => MasterDataRemoval.ByCode(database, "stores", "Store", code, actor);

    /// <summary>Writes a store (and its audit entry) in a transaction of its own.</summary>
    private async Task Write(Store store, string actor, string action, string sql)
    {
        try
        {
            await database.InTransaction(async (c, t) =>
            {
                await WriteRow(c, t, store, actor, action, sql);
                return true;
            });
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "Store", store.Code);
        }
    }

    private static async Task WriteRow(NpgsqlConnection c, NpgsqlTransaction t, Store store, string actor, string action, string sql)
    {
        await c.ExecuteAsync(sql, new
        {
            store.Code, store.Name, store.RegionCode, store.City, store.Address, store.Latitude, store.Longitude,
            Tags = store.Tags.ToArray(),
            OpeningHours = StoreHours.Json(store.OpeningHours),
            store.TimeZone, store.StaffCount,
            OpensOn = store.OpeningHours.OpensFrom?.ToDateTime(TimeOnly.MinValue),
            ClosedOn = store.OpeningHours.ClosedFrom?.ToDateTime(TimeOnly.MinValue),
        }, t);
        await AuditTrail.Record(c, t, actor, action, "store", store.Code, store);
    }

    private sealed class StoreRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public string City { get; init; } = "";
        public string Address { get; init; } = "";
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public string[] Tags { get; init; } = [];
        public string OpeningHoursJson { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public int StaffCount { get; init; }
        public long Revision { get; init; }

        public Store ToStore() => new(Code, Name, RegionCode, City, Address, Latitude, Longitude, Tags,
            StoreHours.Read(OpeningHoursJson), TimeZone, StaffCount);
    }
}
