using Dapper;
using Npgsql;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>The SKU master (own and competitor products) and their reference photos.</summary>
public sealed class SkuRepository(SmartStoreDatabase database)
{
    private const string Columns = "code, name, brand, category, is_competitor AS IsCompetitor";

    public sealed record PhotoInfo(long Id, string SkuCode, string Sha256, int Width, int Height, DateTime CreatedAt);

    public async Task<Page<Sku>> List(string? search, string? category, bool? competitor, int pageNumber, int pageSize)
    {
        await using var connection = await database.Open();
        var args = new
        {
            search = string.IsNullOrWhiteSpace(search) ? null : $"%{search.Trim()}%",
            category, competitor, limit = pageSize, offset = (pageNumber - 1) * pageSize,
        };
        const string where = """
            WHERE (@search::text IS NULL OR code ILIKE @search OR name ILIKE @search OR brand ILIKE @search)
              AND (@category::text IS NULL OR category = @category)
              AND (@competitor::boolean IS NULL OR is_competitor = @competitor)
            """;
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM skus {where}", args);
        var rows = await connection.QueryAsync<Sku>($"SELECT {Columns} FROM skus {where} ORDER BY code LIMIT @limit OFFSET @offset", args);
        return new Page<Sku>(rows.ToList(), total, pageNumber, pageSize);
    }

    public async Task<Sku?> Find(string code) => (await FindWithRevision(code))?.Sku;

    /// <summary>The SKU and its version (<see cref="Revision"/>): an edit sent against it is saved only while the SKU is still at it.</summary>
    public async Task<(Sku Sku, long Revision)?> FindWithRevision(string code)
    {
        await using var connection = await database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<SkuRow>($"SELECT {Columns}, {Revision.Of()} AS Revision FROM skus WHERE code = @code", new { code });
        return row is null ? null : (new Sku(row.Code, row.Name, row.Brand, row.Category, row.IsCompetitor), row.Revision);
    }

    private sealed record SkuRow(string Code, string Name, string Brand, string Category, bool IsCompetitor, long Revision);

    /// <summary>Who last changed it and when, and what changed since <paramref name="revision"/> (null: only the last change).</summary>
    public Task<AuditTrail.Meanwhile> ChangesSince(string code, long? revision) => AuditTrail.SinceVersion(database, "sku", code, revision);

    /// <summary>Which of <paramref name="codes"/> are SKUs of the master (one query for a whole planogram).</summary>
    public async Task<IReadOnlySet<string>> Existing(IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0) return new HashSet<string>();
        await using var connection = await database.Open();
        return (await connection.QueryAsync<string>("SELECT code FROM skus WHERE code = ANY(@codes)", new { codes = codes.ToArray() })).ToHashSet();
    }

    /// <summary>Names of the given SKU codes (a page naming a few facings need not read the whole master).</summary>
    public async Task<IReadOnlyDictionary<string, string>> Names(IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0) return new Dictionary<string, string>();
        await using var connection = await database.Open();
        return (await connection.QueryAsync<(string Code, string Name)>("SELECT code, name FROM skus WHERE code = ANY(@codes)", new { codes = codes.ToArray() }))
            .ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>Each SKU's category code (品类), for the SKUs given.</summary>
    public async Task<IReadOnlyDictionary<string, string>> Categories(IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0) return new Dictionary<string, string>();
        await using var connection = await database.Open();
        return (await connection.QueryAsync<(string Code, string Category)>("SELECT code, category FROM skus WHERE code = ANY(@codes)", new { codes = codes.ToArray() }))
            .ToDictionary(r => r.Code, r => r.Category, StringComparer.Ordinal);
    }

    private const string InsertSql =
        "INSERT INTO skus (code, name, brand, category, is_competitor) VALUES (@Code, @Name, @Brand, @Category, @IsCompetitor)";

    public Task Create(Sku sku, string actor) => Write(sku, actor, "create", InsertSql);

    /// <summary>Creates all the SKUs or none of them (bulk import).</summary>
    public Task CreateMany(IReadOnlyList<Sku> skus, string actor) =>
        database.WriteAll(skus, "SKU", s => s.Code, (c, t, sku) => Written(c, t, sku, actor, InsertSql));

    private const string UpdateSql = """
        UPDATE skus SET name = @Name, brand = @Brand, category = @Category, is_competitor = @IsCompetitor, updated_at = now()
        WHERE code = @Code
        """;

    /// <summary>Saves a SKU's edit; given the version it started from (<see cref="FindWithRevision"/>), only while the SKU is still at it.</summary>
    public async Task<(Saving Outcome, long? Revision)> Update(Sku sku, string actor, long? revision = null)
    {
        try
        {
            return await database.Edit("skus", sku.Code, revision, (c, t) => Written(c, t, sku, actor, UpdateSql, "update"));
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "SKU", sku.Code);
        }
    }

    /// <summary>Every SKU (of a category, or all), by code: what a SKU sheet starts from.</summary>
    public async Task<IReadOnlyList<Sku>> Matching(string? category)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Sku>($"SELECT {Columns} FROM skus WHERE (@category::text IS NULL OR category = @category) ORDER BY code",
            new { category })).ToList();
    }

    /// <summary>
    /// A SKU sheet: creates the new SKUs and changes the existing ones in one transaction, all or none, each an import in
    /// 操作日志 (<see cref="SmartStoreDatabase.CreateAndChange{T}"/>). Returns the SKUs as changed.
    /// </summary>
    public Task<IReadOnlyList<Sku>> Import(IReadOnlyList<Sku> created, IReadOnlyDictionary<string, Func<Sku, Sku>> changes, string actor) =>
        database.CreateAndChange(new SheetWriting<Sku>("SKU", s => s.Code,
            async (c, t, codes) => await c.QueryAsync<Sku>($"SELECT {Columns} FROM skus WHERE code = ANY(@codes) ORDER BY code FOR UPDATE", new { codes }, t),
            (c, t, sku) => Written(c, t, sku, actor, InsertSql),
            (c, t, sku) => Written(c, t, sku, actor, UpdateSql)), created, changes);

    /// <summary>A SKU written, in 操作日志 as <paramref name="action"/> (a sheet's: an import).</summary>
    private static async Task Written(NpgsqlConnection c, NpgsqlTransaction t, Sku sku, string actor, string sql, string action = "import")
    {
        await c.ExecuteAsync(sql, sku, t);
        await AuditTrail.Record(c, t, actor, action, "sku", sku.Code, sku);
    }

    public Task<bool> Delete(string code, string actor) => MasterDataRemoval.ByCode(database, "skus", "SKU", code, actor);

    // The same photo twice is stored once (the row is returned either way).
    private const string InsertPhotoSql = """
        INSERT INTO sku_photos (sku_code, sha256, content, width, height) VALUES (@skuCode, @sha256, @jpeg, @width, @height)
        ON CONFLICT (sku_code, sha256) DO UPDATE SET width = excluded.width
        RETURNING id, sku_code AS SkuCode, sha256, width, height, created_at AS CreatedAt
        """;

    /// <summary>Adds a reference photo; the same photo twice is stored once.</summary>
    public async Task<PhotoInfo> AddPhoto(string skuCode, byte[] jpeg, int width, int height, string actor)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg));
        try
        {
            return await database.InTransaction(async (c, t) =>
            {
                var photo = await c.QuerySingleAsync<PhotoInfo>(InsertPhotoSql, new { skuCode, sha256, jpeg, width, height }, t);
                await AuditTrail.Record(c, t, actor, "add-photo", "sku", skuCode, new { photo.Id, sha256 });
                return photo;
            });
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "SKU", skuCode);
        }
    }

    /// <summary>Removes a reference photo (a wrong product, a blurred shot); false when the SKU has no such photo.</summary>
    public async Task<bool> DeletePhoto(string skuCode, long id, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            var sha256 = await c.ExecuteScalarAsync<string?>(
                "DELETE FROM sku_photos WHERE sku_code = @skuCode AND id = @id RETURNING sha256", new { skuCode, id }, t);
            if (sha256 is null) return false;
            await AuditTrail.Record(c, t, actor, "delete-photo", "sku", skuCode, new { id, sha256 });
            return true;
        });

    /// <summary>
    /// Puts a cropped photo in place of the one it was cut from, in one transaction (the gallery never sees both or
    /// neither). The crop gets a new id, so the gallery's photo version changes and it embeds the crop. Null when the SKU
    /// has no such photo.
    /// </summary>
    public async Task<PhotoInfo?> ReplacePhoto(string skuCode, long id, byte[] jpeg, int width, int height, string actor)
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg));
        return await database.InTransaction(async (c, t) =>
        {
            var removed = await c.ExecuteAsync("DELETE FROM sku_photos WHERE sku_code = @skuCode AND id = @id", new { skuCode, id }, t);
            if (removed == 0) return null;
            var photo = await c.QuerySingleAsync<PhotoInfo>(InsertPhotoSql, new { skuCode, sha256, jpeg, width, height }, t);
            await AuditTrail.Record(c, t, actor, "crop-photo", "sku", skuCode, new { from = id, photo.Id, sha256 });
            return photo;
        });
    }

    /// <summary>Codes of the competitor SKUs (kept in the master so the whole shelf can be read).</summary>
    public async Task<IReadOnlySet<string>> CompetitorCodes(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition("SELECT code FROM skus WHERE is_competitor", cancellationToken: cancellationToken))).ToHashSet();
    }

    public sealed record GalleryEntry(long Id, string SkuCode);

    public sealed record GalleryPhoto(long Id, string SkuCode, byte[] Content);

    /// <summary>Every reference photo of every SKU, without its content: what the gallery shelf recognition matches against.</summary>
    public async Task<IReadOnlyList<GalleryEntry>> PhotoIndex(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<GalleryEntry>(new CommandDefinition(
            "SELECT id, sku_code AS SkuCode FROM sku_photos ORDER BY sku_code, id", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The JPEGs of the given photos (those a gallery has not embedded yet); ids no longer stored are left out.</summary>
    public async Task<IReadOnlyList<GalleryPhoto>> PhotoContents(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<GalleryPhoto>(new CommandDefinition(
            "SELECT id, sku_code AS SkuCode, content FROM sku_photos WHERE id = ANY(@ids) ORDER BY sku_code, id",
            new { ids = ids.ToArray() }, cancellationToken: cancellationToken))).ToList();
    }

    public sealed record StoredEmbedding(long Id, string SkuCode, byte[] Views, float EdgeEnergy);

    /// <summary>Embeddings kept for the given photos under <paramref name="recipe"/>; photos without one are left out.</summary>
    public async Task<IReadOnlyList<StoredEmbedding>> StoredEmbeddings(IReadOnlyCollection<long> ids, string recipe,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<StoredEmbedding>(new CommandDefinition("""
            SELECT p.id, p.sku_code AS SkuCode, e.views, e.edge_energy AS EdgeEnergy
            FROM sku_photo_embeddings e JOIN sku_photos p ON p.id = e.photo_id
            WHERE e.photo_id = ANY(@ids) AND e.recipe = @recipe
            """, new { ids = ids.ToArray(), recipe }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Keeps photos' embeddings under <paramref name="recipe"/>, in place of any kept before (a row that could not be
    /// read back). A photo deleted meanwhile is skipped: its row would go with it anyway.
    /// </summary>
    public async Task KeepEmbeddings(IReadOnlyList<StoredEmbedding> embeddings, string recipe, CancellationToken cancellationToken = default)
    {
        if (embeddings.Count == 0) return;
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sku_photo_embeddings (photo_id, recipe, views, edge_energy)
            SELECT u.id, @recipe, u.views, u.edge FROM unnest(@ids, @views, @edges) AS u(id, views, edge)
            WHERE EXISTS (SELECT 1 FROM sku_photos p WHERE p.id = u.id)
            ON CONFLICT (photo_id, recipe) DO UPDATE SET views = excluded.views, edge_energy = excluded.edge_energy, created_at = now()
            """, new
            {
                recipe,
                ids = embeddings.Select(e => e.Id).ToArray(),
                views = embeddings.Select(e => e.Views).ToArray(),
                edges = embeddings.Select(e => e.EdgeEnergy).ToArray(),
            }, cancellationToken: cancellationToken));
    }

    /// <summary>Drops embeddings made under any other recipe (an older model or view set); returns how many.</summary>
    public async Task<int> ForgetEmbeddingsOtherThan(string recipe, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sku_photo_embeddings WHERE recipe <> @recipe", new { recipe }, cancellationToken: cancellationToken));
    }

    /// <summary>Changes whenever a photo is added or removed: (count, largest id).</summary>
    public async Task<(long Count, long MaxId)> PhotoVersion(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT count(*), coalesce(max(id), 0) FROM sku_photos", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<PhotoInfo>> Photos(string skuCode)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<PhotoInfo>(
            "SELECT id, sku_code AS SkuCode, sha256, width, height, created_at AS CreatedAt FROM sku_photos WHERE sku_code = @skuCode ORDER BY id",
            new { skuCode })).ToList();
    }

    public async Task<byte[]?> PhotoContent(string skuCode, long id)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<byte[]>(
            "SELECT content FROM sku_photos WHERE sku_code = @skuCode AND id = @id", new { skuCode, id });
    }

    private async Task<int> Write(Sku sku, string actor, string action, string sql)
    {
        try
        {
            return await database.InTransaction(async (c, t) =>
            {
                var affected = await c.ExecuteAsync(sql, sku, t);
                if (affected > 0) await AuditTrail.Record(c, t, actor, action, "sku", sku.Code, sku);
                return affected;
            });
        }
        catch (PostgresException e)
        {
            throw MasterDataConflict.From(e, "SKU", sku.Code);
        }
    }
}
