using System.Globalization;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Bulk import of cameras from CSV or Excel, for the API and the cameras page alike; all rows or none. A chain of 2,000
/// stores has 4,000+ cameras to register: each gets its FTP secret here, returned once in the answer, for the installers.
/// Sent to change existing cameras, a row whose code exists changes that camera by its filled-in cells — the door lines and
/// counting areas of a rollout's cameras mounted alike, new presets, which camera watches which till — and its grain is told.
/// </summary>
public sealed class CameraImport(CameraRepository cameras, MasterDataValidation validation, IClusterClient cluster) : SheetImport<Camera>(Headers, "Camera")
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["编码"] = "code", ["设备编码"] = "code", ["类型"] = "kind", ["设备类型"] = "kind", ["门店"] = "store", ["门店编码"] = "store",
        ["store_code"] = "store", ["品牌"] = "brand", ["型号"] = "model", ["巡检间隔"] = "cadence", ["patrol_cadence_minutes"] = "cadence",
        ["预置位"] = "presets", ["收银台"] = "till", ["对着收银台"] = "till", ["watches_till"] = "till",
        ["收银台号"] = "tillName", ["till_name"] = "tillName", ["进店线"] = "doorLine", ["door_line"] = "doorLine",
        ["计数区域"] = "countingArea", ["counting_area"] = "countingArea",
    };

    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["入口"] = "entrance", ["入口摄像头"] = "entrance", ["枪机"] = "entrance", ["货架"] = "shelf", ["货架球机"] = "shelf", ["球机"] = "shelf",
        ["店内"] = "interior", ["店内摄像头"] = "interior",
    };

    protected override async Task<Camera?> Check(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        var kind = KindOf(row);
        var cadence = CadenceOf(row, index, errors);
        var presets = Presets(row.Get("presets"), index, errors);
        var input = new CameraInput(row.Get("code"), kind, row.Optional("brand"), row.Optional("model"), row.Get("store"), cadence, presets);
        // Importing is head office's: the whole chain is in scope.
        var (camera, rowErrors) = await validation.Camera(input, null, AccessScope.Everything(Role.HqAdmin));
        errors.AddAll(index, rowErrors);
        var tillName = row.Get("tillName")?.Trim() is { Length: > 0 } named ? named : null;
        var doorLine = DoorLineOf(row.Optional("doorLine"), index, errors);
        var area = AreaOf(row.Optional("countingArea"), index, errors);
        if (camera is null) return null;
        DrawingsFit(camera.Kind, doorLine, area, index, errors);
        camera = camera with { DoorLine = doorLine, CountingArea = area };
        return WatchesTill(row.Get("till"), tillName, camera.Kind, index, errors) ? camera with { WatchesTill = true, Till = tillName } : camera;
    }

    protected override bool Changes => true;

    /// <summary>
    /// A row of a camera that exists: its brand, model, cadence, presets, door line, counting area and till as filled in. Its
    /// kind and store are not changed by a sheet (they decide what it counts and for whom): a row that gives others is refused.
    /// </summary>
    protected override Task<Camera?> Current(string code) => cameras.Find(code);

    protected override async Task<Func<Camera, Camera>?> CheckChange(IReadOnlyDictionary<string, string> row, Camera now, int index, RowErrors errors, string actor)
    {
        var code = now.Code;
        var before = errors.All.Count;
        if (KindOf(row) is { } kind && kind != now.Kind.ToCode())
            errors.Add(index, $"kind: camera '{code}' is {now.Kind.ToCode()}; a sheet does not change a camera's kind (change it on its page).",
                $"设备类型：摄像头“{code}”的类型不能按表更改（请在其页面修改）。");
        if (row.Get("store") is { } store && store != now.StoreCode)
            errors.Add(index, $"store: camera '{code}' is at {now.StoreCode ?? "no store"}; a sheet does not move a camera (move it on its page).",
                $"门店：摄像头“{code}”不能按表换门店（请在其页面修改）。");
        var cadence = CadenceOf(row, index, errors);
        var presets = row.Get("presets") is null ? null : Presets(row.Get("presets"), index, errors);
        var (brand, model) = (row.Optional("brand"), row.Optional("model"));
        var (checkedCamera, rowErrors) = await validation.Camera(new CameraInput(null, now.Kind.ToCode(), brand ?? now.Brand,
            model ?? now.Model, now.StoreCode, cadence ?? now.PatrolCadenceMinutes, presets ?? now.Presets.ToList()), code, AccessScope.Everything(Role.HqAdmin));
        errors.AddAll(index, rowErrors);
        // "-" takes a line or an area off (counting the whole view again); an empty cell keeps what was drawn.
        var (lineCell, areaCell) = (row.Optional("doorLine"), row.Optional("countingArea"));
        var doorLine = DoorLineOf(lineCell, index, errors);
        var area = AreaOf(areaCell, index, errors);
        DrawingsFit(now.Kind, doorLine, area, index, errors);
        var tillName = row.Get("tillName");
        var tillGiven = row.Get("till") is not null || tillName is not null;
        var watches = tillGiven && WatchesTill(row.Get("till"), tillName, now.Kind, index, errors);
        if (checkedCamera is null || errors.All.Count > before) return null;
        return camera => camera with
        {
            Brand = brand is null ? camera.Brand : checkedCamera.Brand,
            Model = model is null ? camera.Model : checkedCamera.Model,
            PatrolCadenceMinutes = cadence is null ? camera.PatrolCadenceMinutes : checkedCamera.PatrolCadenceMinutes,
            Presets = presets is null ? camera.Presets : checkedCamera.Presets,
            DoorLine = lineCell == "" ? null : doorLine ?? camera.DoorLine,
            CountingArea = areaCell == "" ? null : area ?? camera.CountingArea,
            WatchesTill = tillGiven ? watches : camera.WatchesTill,
            Till = tillGiven ? (watches ? tillName : null) : camera.Till,
        };
    }

    protected override async Task<(IReadOnlyDictionary<string, string>? Secrets, IReadOnlyList<string> Changed)> WriteAll(IReadOnlyList<Camera> created,
        IReadOnlyDictionary<string, Func<Camera, Camera>> changes, string actor)
    {
        var (secrets, changed) = await cameras.Import(created, changes, actor);
        // A new door line or area counts from the camera's next picture.
        await ChangedGrains.Tell(changed, camera => cluster.GetGrain<ICameraGrain>(camera.Code).RefreshProfile());
        return (secrets, changed.Select(c => c.Code).ToList());
    }

    /// <summary>
    /// The cameras as a sheet in the columns this import reads (Chinese headers): an installer fills in door lines and
    /// counting areas for cameras mounted alike and sends it back with change=true; sent back untouched it changes nothing.
    /// </summary>
    public static async Task<byte[]> Sheet(IReadOnlyList<Camera> cameras, CancellationToken cancellationToken) =>
        await Workbook.Save(new Dictionary<string, object>
        {
            ["cameras"] = cameras.Select(c => new Dictionary<string, object?>
            {
                ["设备编码"] = c.Code, ["设备类型"] = KindNames[c.Kind], ["门店编码"] = c.StoreCode ?? "", ["品牌"] = c.Brand, ["型号"] = c.Model,
                ["巡检间隔"] = c.PatrolCadenceMinutes, ["预置位"] = string.Join("|", c.Presets.OrderBy(p => p.PatrolOrder).Select(p => $"{p.Number}:{p.Name}")),
                ["收银台"] = c.WatchesTill ? "是" : "否", ["收银台号"] = c.Till ?? "",
                ["进店线"] = c.DoorLine is { } l ? Joined([l.Ax, l.Ay, l.Bx, l.By, l.InsideX, l.InsideY]) : "",
                ["计数区域"] = c.CountingArea is { } a ? Joined(a.Points.SelectMany(p => new[] { p.X, p.Y })) : "",
            }).ToList(),
        }, cancellationToken);

    private static readonly Dictionary<CameraKind, string> KindNames = new()
    {
        [CameraKind.Entrance] = "入口", [CameraKind.Shelf] = "货架", [CameraKind.Interior] = "店内",
    };

    /// <summary>Fractions of the frame as the import reads them back exactly.</summary>
    private static string Joined(IEnumerable<float> numbers) => string.Join(" ", numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>A door line is an entrance camera's and a counting area an in-store camera's: given to another kind, the row is refused.</summary>
    private static void DrawingsFit(CameraKind kind, DoorLine? doorLine, CountingArea? area, int index, RowErrors errors)
    {
        if (doorLine is not null && kind != CameraKind.Entrance)
            errors.Add(index, "only entrance cameras count door crossings: a door line is for an entrance camera.", "只有入口摄像头有进店线。");
        if (area is not null && kind != CameraKind.Interior)
            errors.Add(index, "only in-store cameras count people in an area: a counting area is for an in-store camera.", "只有店内摄像头有计数区域。");
    }

    private static string? KindOf(IReadOnlyDictionary<string, string> row)
    {
        var kind = row.Get("kind")?.Trim();
        return kind is not null && Kinds.TryGetValue(kind, out var code) ? code : kind?.ToLowerInvariant();
    }

    private static int? CadenceOf(IReadOnlyDictionary<string, string> row, int index, RowErrors errors)
    {
        if (row.Get("cadence") is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)) return minutes;
        errors.Add(index, $"cadence '{text}' must be whole minutes.", $"巡检间隔“{text}”须为整数分钟。");
        return null;
    }

    /// <summary>
    /// 进店线: an entrance camera's counting line as six fractions of the frame — its two ends and a point on the store's
    /// side, "0.5 0.2 0.5 0.98 0.75 0.6" (spaces, commas or semicolons) — so a rollout whose cameras are mounted alike
    /// counts from its first picture instead of waiting for each line to be drawn.
    /// </summary>
    private static DoorLine? DoorLineOf(string? text, int index, RowErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var numbers = Numbers(text);
        if (numbers is not { Count: 6 })
        {
            errors.Add(index, $"door line '{text.Trim()}' must be six numbers: ax ay bx by insideX insideY (fractions of the frame).",
                $"进店线“{text.Trim()}”须为 6 个数：两端点 ax ay bx by 与店内一侧的点 insideX insideY（画面宽高的比例）。");
            return null;
        }
        var line = new DoorLine(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5]);
        if (line.Problem() is not { } problem) return line;
        errors.Add(index, $"door line: {problem}.", Localization.DrawingText.Of(problem, "进店线"));
        return null;
    }

    /// <summary>
    /// 计数区域: an in-store camera's shop floor as its corners in order, in fractions of the frame, "0 0.45 0.45 0.45 0.45 1
    /// 0 1" — cameras mounted alike across a rollout leave the window and the walkway out from their first picture.
    /// </summary>
    private static CountingArea? AreaOf(string? text, int index, RowErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var numbers = Numbers(text);
        if (numbers is null || numbers.Count % 2 != 0)
        {
            errors.Add(index, $"counting area '{text.Trim()}' must be pairs of numbers, x y for each corner in order (fractions of the frame).",
                $"计数区域“{text.Trim()}”须为成对的数：按顺序每个角的 x y（画面宽高的比例）。");
            return null;
        }
        var area = new CountingArea(numbers.Chunk(2).Select(p => new AreaPoint(p[0], p[1])).ToList());
        if (area.Problem() is not { } problem) return area;
        errors.Add(index, $"counting area: {problem}.", Localization.DrawingText.Of(problem, "计数区域"));
        return null;
    }

    /// <summary>Numbers separated by spaces, commas or semicolons; null when one is not a number.</summary>
    private static List<float>? Numbers(string text)
    {
        var numbers = text.Split([' ', ',', ';', '，', '；', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => float.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (float?)null).ToList();
        return numbers.Any(n => n is null) ? null : numbers.Select(n => n!.Value).ToList();
    }

    /// <summary>
    /// 收银台 (是 / 否): an in-store camera over a till, its pictures held against the receipts (收银追溯); 收银台号, which till
    /// when the store has several (given alone, it says yes).
    /// </summary>
    private static bool WatchesTill(string? text, string? tillName, CameraKind kind, int index, RowErrors errors)
    {
        var watches = string.IsNullOrWhiteSpace(text) && tillName is not null ? true : BulkImport.YesOrNo(text);
        if (watches is null) errors.Add(index, $"till '{text?.Trim()}' must be yes or no.", $"收银台“{text?.Trim()}”须为 是 或 否。");
        else if (tillName is not null && !watches.Value) errors.Add(index, $"till name '{tillName}' is given for a camera that watches no till.", $"收银台号“{tillName}”只用于对着收银台的摄像头。");
        else if (tillName is { Length: > SalesInput.MaxTill }) errors.Add(index, $"till name '{tillName}' is longer than {SalesInput.MaxTill} characters.", $"收银台号“{tillName}”超过 {SalesInput.MaxTill} 个字符。");
        else if (watches.Value && kind != CameraKind.Interior) errors.Add(index, "only in-store cameras watch a till.", "只有店内摄像头可以对着收银台。");
        else return watches.Value;
        return false;
    }

    /// <summary>"1:饮料货架|2:乳品货架" (or separated by ';'): preset number and name, patrolled in the order given.</summary>
    private static List<CameraPreset> Presets(string? text, int index, RowErrors errors)
    {
        var presets = new List<CameraPreset>();
        foreach (var part in (text ?? "").Split(['|', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split([':', '：'], 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && int.TryParse(pair[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                presets.Add(new CameraPreset(number, pair[1], presets.Count + 1));
            else errors.Add(index, $"preset '{part}' must be number:name, like 1:饮料货架.", $"预置位“{part}”须为 编号:名称，如 1:饮料货架。");
        }
        return presets;
    }

    protected override string CodeOf(Camera record) => record.Code;

    protected override async Task<bool> Exists(string code) => await cameras.Find(code) is not null;

    protected override async Task<IReadOnlyDictionary<string, string>?> CreateAll(IReadOnlyList<Camera> records, string actor) =>
        await cameras.CreateMany(records, actor);
}
