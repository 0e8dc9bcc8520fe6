using System.Text.Json;
using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>Planograms per shelf-camera preset: the reference photo and the slots drawn on it.</summary>
public sealed class PlanogramRepository(SmartStoreDatabase database)
{
    private const string Columns = """
        p.camera_code AS CameraCode, p.preset, p.reference_width AS ReferenceWidth, p.reference_height AS ReferenceHeight,
        p.slots::text AS SlotsJson, p.updated_at AS UpdatedAt,
        c.presets @> jsonb_build_array(jsonb_build_object('number', p.preset)) AS InPlan
        """;

    private const string FromPlanograms = "FROM planograms p JOIN cameras c ON c.code = p.camera_code";

    public async Task<PresetPlanogram?> Find(string cameraCode, int preset, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} {FromPlanograms} WHERE p.camera_code = @cameraCode AND p.preset = @preset", new { cameraCode, preset }, cancellationToken: cancellationToken));
        return row?.ToPlanogram();
    }

    public async Task<IReadOnlyList<PresetPlanogram>> ForCamera(string cameraCode)
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<Row>($"SELECT {Columns} {FromPlanograms} WHERE p.camera_code = @cameraCode ORDER BY p.preset", new { cameraCode }))
            .Select(r => r.ToPlanogram()).ToList();
    }

    /// <summary>
    /// Every planogram of the store's shelf cameras, set-aside ones too (<see cref="PresetPlanogram.InPlan"/>): the store's
    /// plan is the slots of those in plan together (shared ids count once).
    /// </summary>
    public async Task<IReadOnlyList<PresetPlanogram>> ForStore(string storeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} {FromPlanograms}
            WHERE c.store_code = @storeCode ORDER BY p.camera_code, p.preset
            """, new { storeCode }, cancellationToken: cancellationToken))).Select(r => r.ToPlanogram()).ToList();
    }

    /// <summary>The stores with a shelf plan: those whose shelf figures depend on which SKUs are competitors'.</summary>
    public async Task<IReadOnlyList<string>> StoresWithPlans()
    {
        await using var connection = await database.Open();
        return (await connection.QueryAsync<string>(
            "SELECT DISTINCT c.store_code FROM planograms p JOIN cameras c ON c.code = p.camera_code WHERE c.store_code IS NOT NULL ORDER BY 1")).ToList();
    }

    public async Task<byte[]?> Reference(string cameraCode, int preset, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT reference_jpeg FROM planograms WHERE camera_code = @cameraCode AND preset = @preset", new { cameraCode, preset }, cancellationToken: cancellationToken));
    }

    /// <summary>A planogram's reference photo with its size, read together (a concurrent save cannot pair one with the other's).</summary>
    public async Task<(byte[] Jpeg, int Width, int Height)?> ReferenceImage(string cameraCode, int preset, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReferenceRow>(new CommandDefinition(
            "SELECT reference_jpeg AS Jpeg, reference_width AS Width, reference_height AS Height FROM planograms WHERE camera_code = @cameraCode AND preset = @preset",
            new { cameraCode, preset }, cancellationToken: cancellationToken));
        return row is null ? null : (row.Jpeg, row.Width, row.Height);
    }

    private sealed record ReferenceRow(byte[] Jpeg, int Width, int Height);

    public async Task Save(string cameraCode, int preset, byte[] referenceJpeg, int width, int height, IReadOnlyList<PlanogramSlot> slots, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            await c.ExecuteAsync("""
                INSERT INTO planograms (camera_code, preset, reference_jpeg, reference_width, reference_height, slots)
                VALUES (@cameraCode, @preset, @referenceJpeg, @width, @height, CAST(@slots AS jsonb))
                ON CONFLICT (camera_code, preset) DO UPDATE SET reference_jpeg = EXCLUDED.reference_jpeg,
                    reference_width = EXCLUDED.reference_width, reference_height = EXCLUDED.reference_height,
                    slots = EXCLUDED.slots, updated_at = now()
                """, new { cameraCode, preset, referenceJpeg, width, height, slots = JsonSerializer.Serialize(slots, StorageJson.Options) }, t);
            await AuditTrail.Record(c, t, actor, "planogram", "camera", $"{cameraCode}/P{preset}", new { slots = slots.Count });
            return 0;
        });

    public async Task<bool> Delete(string cameraCode, int preset, string actor) =>
        await database.InTransaction(async (c, t) =>
        {
            var affected = await c.ExecuteAsync("DELETE FROM planograms WHERE camera_code = @cameraCode AND preset = @preset", new { cameraCode, preset }, t);
            if (affected > 0) await AuditTrail.Record(c, t, actor, "delete", "planogram", $"{cameraCode}/P{preset}", new { });
            return affected > 0;
        });

    private sealed class Row
    {
        public string CameraCode { get; init; } = "";
        public int Preset { get; init; }
        public int ReferenceWidth { get; init; }
        public int ReferenceHeight { get; init; }
        public string SlotsJson { get; init; } = "[]";
        public DateTime UpdatedAt { get; init; }
        public bool InPlan { get; init; }

        public PresetPlanogram ToPlanogram() => new(CameraCode, Preset, ReferenceWidth, ReferenceHeight,
            JsonSerializer.Deserialize<List<PlanogramSlot>>(SlotsJson, StorageJson.Options) ?? [], UpdatedAt, InPlan);
    }
}
