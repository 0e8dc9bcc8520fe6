using Dapper;
using SmartStore.Models;

namespace SmartStore.Storage;

/// <summary>
/// Seeds the demo chain: 4 regions, 30 stores in real Chinese cities, an entrance camera and a PTZ
/// shelf camera per store (and in the flagships a second dome, an in-store camera and a camera over the till),
/// 40 SKUs (own and competitor, matching the grocery-store evaluation set), the data dictionary, the demo POS's API key
/// and the demo accounts. Safe to run again: existing rows are left alone.
/// </summary>
public sealed class DemoChain(SmartStoreDatabase database, SecretsFile secrets, Action<string> progress)
{
    private const string Actor = "seed";

    /// <param name="Current">False when the account's owner (or head office) has changed the password since the demo set it.</param>
    public sealed record Login(string Username, string Password, string Role, bool Current = true);

    private static readonly Region[] Regions =
    [
        new("EAST", "华东大区", "East China"),
        new("SOUTH", "华南大区", "South China"),
        new("NORTH", "华北大区", "North China"),
        new("WEST", "西南大区", "Southwest China"),
    ];

    // code, name, region, city, district address, lat, lng, tag
    private static readonly (string Name, string Region, string City, string Address, double Lat, double Lng, string Tag)[] Stores =
    [
        ("上海南京东路旗舰店", "EAST", "上海", "黄浦区南京东路300号", 31.2375, 121.4812, "flagship"),
        ("上海徐家汇商场店", "EAST", "上海", "徐汇区虹桥路1号港汇广场B1", 31.1951, 121.4365, "mall"),
        ("上海五角场街边店", "EAST", "上海", "杨浦区淞沪路8号", 31.3007, 121.5141, "street"),
        ("杭州湖滨银泰店", "EAST", "杭州", "上城区延安路258号", 30.2587, 120.1630, "mall"),
        ("杭州西溪街边店", "EAST", "杭州", "西湖区文二西路551号", 30.2795, 120.0893, "street"),
        ("南京新街口店", "EAST", "南京", "秦淮区中山南路1号", 32.0417, 118.7843, "mall"),
        ("苏州观前街店", "EAST", "苏州", "姑苏区观前街168号", 31.3106, 120.6240, "street"),
        ("宁波天一广场店", "EAST", "宁波", "海曙区中山东路188号", 29.8713, 121.5539, "mall"),
        ("合肥淮河路店", "EAST", "合肥", "庐阳区淮河路步行街88号", 31.8694, 117.2924, "street"),
        ("广州天河城旗舰店", "SOUTH", "广州", "天河区天河路208号", 23.1322, 113.3235, "flagship"),
        ("广州北京路店", "SOUTH", "广州", "越秀区北京路步行街216号", 23.1247, 113.2696, "street"),
        ("深圳万象城店", "SOUTH", "深圳", "罗湖区宝安南路1881号", 22.5406, 114.1113, "mall"),
        ("深圳南山海岸城店", "SOUTH", "深圳", "南山区文心五路33号", 22.5175, 113.9366, "mall"),
        ("厦门中山路店", "SOUTH", "厦门", "思明区中山路120号", 24.4556, 118.0797, "street"),
        ("福州东街口店", "SOUTH", "福州", "鼓楼区八一七北路68号", 26.0856, 119.2966, "mall"),
        ("东莞国贸店", "SOUTH", "东莞", "南城区鸿福路200号", 23.0173, 113.7504, "mall"),
        ("南宁朝阳广场店", "SOUTH", "南宁", "兴宁区朝阳路38号", 22.8197, 108.3207, "street"),
        ("北京王府井旗舰店", "NORTH", "北京", "东城区王府井大街255号", 39.9139, 116.4109, "flagship"),
        ("北京三里屯店", "NORTH", "北京", "朝阳区三里屯路19号", 39.9334, 116.4545, "mall"),
        ("天津滨江道店", "NORTH", "天津", "和平区滨江道208号", 39.1217, 117.1966, "street"),
        ("济南泉城路店", "NORTH", "济南", "历下区泉城路188号", 36.6649, 117.0256, "street"),
        ("青岛台东店", "NORTH", "青岛", "市北区台东三路77号", 36.0829, 120.3554, "street"),
        ("石家庄万达店", "NORTH", "石家庄", "裕华区建华南大街136号", 38.0126, 114.5518, "mall"),
        ("太原柳巷店", "NORTH", "太原", "迎泽区柳巷南路56号", 37.8683, 112.5625, "street"),
        ("成都春熙路旗舰店", "WEST", "成都", "锦江区春熙路南段8号", 30.6564, 104.0817, "flagship"),
        ("成都太古里店", "WEST", "成都", "锦江区中纱帽街8号", 30.6525, 104.0837, "mall"),
        ("重庆解放碑店", "WEST", "重庆", "渝中区民族路188号", 29.5572, 106.5775, "mall"),
        ("重庆观音桥店", "WEST", "重庆", "江北区建新北路16号", 29.5754, 106.5323, "street"),
        ("昆明南屏街店", "WEST", "昆明", "五华区南屏街88号", 25.0386, 102.7107, "street"),
        ("贵阳喷水池店", "WEST", "贵阳", "云岩区中华北路2号", 26.5830, 106.7135, "mall"),
    ];

    // Class names of the grocery-store set, so display recognition can be demonstrated on real photos.
    private static readonly (string ClassName, string Brand, string Category, bool Competitor)[] Skus =
    [
        ("Arla-Ecological-Medium-Fat-Milk", "Arla", "milk", false), ("Arla-Lactose-Medium-Fat-Milk", "Arla", "milk", false),
        ("Arla-Medium-Fat-Milk", "Arla", "milk", false), ("Arla-Standard-Milk", "Arla", "milk", false),
        ("Arla-Ecological-Sour-Cream", "Arla", "sour_cream", false), ("Arla-Sour-Cream", "Arla", "sour_cream", false),
        ("Arla-Sour-Milk", "Arla", "milk", false), ("Arla-Mild-Vanilla-Yoghurt", "Arla", "yoghurt", false),
        ("Arla-Natural-Mild-Low-Fat-Yoghurt", "Arla", "yoghurt", false), ("Arla-Natural-Yoghurt", "Arla", "yoghurt", false),
        ("God-Morgon-Apple-Juice", "God Morgon", "juice", false), ("God-Morgon-Orange-Juice", "God Morgon", "juice", false),
        ("God-Morgon-Orange-Red-Grapefruit-Juice", "God Morgon", "juice", false), ("God-Morgon-Red-Grapefruit-Juice", "God Morgon", "juice", false),
        ("Garant-Ecological-Medium-Fat-Milk", "Garant", "milk", true), ("Garant-Ecological-Standard-Milk", "Garant", "milk", true),
        ("Oatly-Natural-Oatghurt", "Oatly", "yoghurt", true), ("Oatly-Oat-Milk", "Oatly", "milk", true),
        ("Alpro-Blueberry-Soyghurt", "Alpro", "yoghurt", true), ("Alpro-Vanilla-Soyghurt", "Alpro", "yoghurt", true),
        ("Alpro-Fresh-Soy-Milk", "Alpro", "milk", true), ("Alpro-Shelf-Soy-Milk", "Alpro", "milk", true),
        ("Valio-Vanilla-Yoghurt", "Valio", "yoghurt", true), ("Yoggi-Strawberry-Yoghurt", "Yoggi", "yoghurt", true),
        ("Yoggi-Vanilla-Yoghurt", "Yoggi", "yoghurt", true), ("Bravo-Apple-Juice", "Bravo", "juice", true),
        ("Bravo-Orange-Juice", "Bravo", "juice", true), ("Tropicana-Apple-Juice", "Tropicana", "juice", true),
        ("Tropicana-Golden-Grapefruit", "Tropicana", "juice", true), ("Tropicana-Juice-Smooth", "Tropicana", "juice", true),
        ("Tropicana-Mandarin-Morning", "Tropicana", "juice", true), ("Golden-Delicious", "Fresh", "fruit", false),
        ("Granny-Smith", "Fresh", "fruit", false), ("Pink-Lady", "Fresh", "fruit", false), ("Royal-Gala", "Fresh", "fruit", false),
        ("Banana", "Fresh", "fruit", false), ("Kiwi", "Fresh", "fruit", false), ("Orange", "Fresh", "fruit", false),
        ("Lemon", "Fresh", "fruit", false), ("Mango", "Fresh", "fruit", false),
    ];

    /// <summary>The demo assortment's categories (the store tags are every installation's: <see cref="ChainStart"/>).</summary>
    private static readonly DictionaryEntry[] SkuCategories =
    [
        new(DictionaryRepository.SkuCategory, "milk", "牛奶", "Milk", 1),
        new(DictionaryRepository.SkuCategory, "yoghurt", "酸奶", "Yoghurt", 2),
        new(DictionaryRepository.SkuCategory, "sour_cream", "酸奶油", "Sour cream", 3),
        new(DictionaryRepository.SkuCategory, "juice", "果汁", "Juice", 4),
        new(DictionaryRepository.SkuCategory, "fruit", "水果", "Fruit", 5),
    ];

    public static string StoreCode(int index) => $"S{index + 1:D4}";

    public static string EntranceCamera(string storeCode) => $"CAM-{storeCode}-E1";

    public static string ShelfCamera(string storeCode) => $"CAM-{storeCode}-P1";

    public static string SecondShelfCamera(string storeCode) => $"CAM-{storeCode}-P2";

    /// <summary>A flagship store's in-store camera over the sales floor: it counts the people inside.</summary>
    public static string InteriorCamera(string storeCode) => $"CAM-{storeCode}-I1";

    /// <summary>A demo dome's presets, named after the shelf face each one shows (<see cref="DemoShelf.Presets"/>).</summary>
    private static List<CameraPreset> Presets(string cameraCode) =>
        DemoShelf.Presets(cameraCode).Select(p => new CameraPreset(p.Preset, $"货架{p.Face}", p.Preset)).ToList();

    public async Task<IReadOnlyList<Login>> Seed()
    {
        await ChainStart.SeedBasics(database, Actor);
        var dictionary = new DictionaryRepository(database);
        foreach (var entry in SkuCategories) await dictionary.Upsert(entry, Actor);
        var regions = new RegionRepository(database);
        foreach (var region in Regions)
            if (await regions.Find(region.Code) is null) await regions.Upsert(region, Actor);
        progress($"seed: {Regions.Length} regions, {ChainStart.StoreTags.Length + SkuCategories.Length} dictionary entries");

        await SeedStoresAndCameras();
        await SeedSkus();
        await SeedInspections();
        await SeedPosKey();
        return await SeedAccounts();
    }

    private async Task SeedStoresAndCameras()
    {
        var stores = new StoreRepository(database);
        var cameras = new CameraRepository(database);
        var created = 0;
        for (var i = 0; i < Stores.Length; i++)
        {
            var s = Stores[i];
            var code = StoreCode(i);
            if (await stores.Find(code) is null)
            {
                var hours = s.Tag == "mall" || s.Tag == "flagship"
                    ? OpeningHours.Daily(new TimeOnly(10, 0), new TimeOnly(22, 0))
                    : OpeningHours.Daily(new TimeOnly(9, 0), new TimeOnly(21, 30));
                var staff = s.Tag == "flagship" ? 12 : 6;
                await stores.Create(new Store(code, s.Name, s.Region, s.City, s.Address, s.Lat, s.Lng, [s.Tag], hours,
                    "Asia/Shanghai", staff), Actor);
                await SeedShifts(code, hours, staff);
                created++;
            }
            await EnsureCamera(cameras, new Camera(EntranceCamera(code), CameraKind.Entrance, "Hikvision", "DS-2CD3T47G2-LSU", code, 1, []));
            await EnsureCamera(cameras, new Camera(ShelfCamera(code), CameraKind.Shelf, "Dahua", "SD49425XB-HNR", code, 10, Presets(ShelfCamera(code))));
            // Large (flagship) stores: a second dome over the far aisle, its first preset on the face the first dome's last one
            // sees, and an in-store camera looking down on the sales floor.
            if (s.Tag == "flagship")
            {
                await EnsureCamera(cameras, new Camera(SecondShelfCamera(code), CameraKind.Shelf, "Dahua", "SD49425XB-HNR", code, 10, Presets(SecondShelfCamera(code))));
                await EnsureCamera(cameras, new Camera(InteriorCamera(code), CameraKind.Interior, "Hikvision", "DS-2CD2347G2-LU", code, 1, []));
                await EnsureTillCamera(cameras, code);
                if (code == DemoTill.StaffCardStore)
                    await new StaffCards(database).Add(code, DemoTill.StaffCard, DemoTill.StaffCardHolder, Actor, DateOnly.FromDateTime(DateTime.UtcNow));
            }
            if ((i + 1) % 10 == 0) progress($"seed: stores {i + 1}/{Stores.Length}");
        }
        progress($"seed: {created} new stores, {Stores.Length * 2 + 3 * Stores.Count(s => s.Tag == "flagship")} cameras");
    }

    /// <summary>
    /// A demo store's 排班: an early and a late shift every day, half its staff on each, so 门店分析 weighs the day's
    /// customers against the staff on duty hour by hour, as a chain that plans its shifts sees it.
    /// </summary>
    private async Task SeedShifts(string storeCode, OpeningHours hours, int staff)
    {
        var day = hours.Weekly[0];
        var handover = new TimeOnly(15, 30);
        var shifts = new StoreShifts(database);
        await shifts.Add(new StoreShift(0, storeCode, Weekdays.Every, day.Open, handover, staff / 2), Actor);
        await shifts.Add(new StoreShift(0, storeCode, Weekdays.Every, handover, day.Close, staff / 2), Actor);
    }

    /// <summary>
    /// The demo entrance cameras replay walkway footage; their door line runs down the middle of the frame with the
    /// store to the right, so people walking left to right count as entries.
    /// </summary>
    public static readonly DoorLine DemoDoorLine = new(0.5f, 0.2f, 0.5f, 0.98f, 0.75f, 0.6f);

    /// <summary>
    /// The demo in-store cameras replay a mall walkway seen from above; their counting area is the near floor, so the
    /// far end of the walkway and the shop fronts on the right (outside "our" store) are not counted.
    /// </summary>
    public static readonly CountingArea DemoCountingArea = new(
        [new(0, 0.4f), new(0.75f, 0.4f), new(0.92f, 0.55f), new(1, 0.7f), new(1, 1), new(0, 1)]);

    private async Task EnsureCamera(CameraRepository cameras, Camera camera)
    {
        if (await cameras.Find(camera.Code) is not null) return;
        // Demo cameras need their secret again (simulator), so it is kept in secrets.json; real cameras' are shown once.
        var secret = secrets.GetOrCreate($"camera:{camera.Code}", () => CameraSecret.Generate());
        await cameras.Create(camera, Actor, secret);
        if (camera.Kind == CameraKind.Entrance) await cameras.SetDoorLine(camera.Code, DemoDoorLine, Actor);
        if (camera.Kind == CameraKind.Interior) await cameras.SetCountingArea(camera.Code, DemoCountingArea, Actor);
    }

    /// <summary>A flagship store's camera over its till: its area is the customers' side of the counter (<see cref="DemoTill"/>).</summary>
    private async Task EnsureTillCamera(CameraRepository cameras, string storeCode)
    {
        var code = DemoTill.Camera(storeCode);
        if (await cameras.Find(code) is not null) return;
        await EnsureCamera(cameras, new Camera(code, CameraKind.Interior, "Hikvision", "DS-2CD2347G2-LU", storeCode, 1, []));
        await cameras.SetCountingArea(code, DemoTill.Area, Actor);
        await cameras.SetWatchesTill(code, true, Actor, DemoTill.Name);
    }

    /// <summary>
    /// The demo POS's API key (an HQ admin's, as a chain's POS integration would be given), kept in secrets.json for the
    /// simulator; issued again when the database no longer knows it.
    /// </summary>
    private async Task SeedPosKey()
    {
        var keys = new ApiKeys(database);
        if (secrets.Load()[DemoTill.PosKeySecret]?.GetValue<string>() is { Length: > 0 } kept && await keys.Verify(kept) is not null) return;
        var (_, key) = await keys.Issue("演示收银系统 demo POS", AccessScope.Everything(Role.HqAdmin), Actor);
        var all = secrets.Load();
        all[DemoTill.PosKeySecret] = key;
        secrets.Save(all);
        progress("seed: an API key for the demo POS (收银追溯)");
    }

    private async Task SeedSkus()
    {
        var skus = new SkuRepository(database);
        var created = 0;
        for (var i = 0; i < Skus.Length; i++)
        {
            var s = Skus[i];
            var code = $"SKU-{1001 + i}";
            if (await skus.Find(code) is not null) continue;
            await skus.Create(new Sku(code, s.ClassName.Replace('-', ' '), s.Brand, s.Category, s.Competitor), Actor);
            created++;
        }
        progress($"seed: {created} new SKUs ({Skus.Length} in the demo assortment)");
    }

    /// <summary>Seed 001's 定时抓拍 list: the door checks of 10, 14, 16 and 18 o'clock, and the in-store banner round.</summary>
    private async Task SeedInspections()
    {
        var tasks = new InspectionTasks(database);
        if ((await tasks.List(AccessScope.Everything(Role.HqAdmin))).Count > 0) return;
        foreach (var hour in new[] { 10, 14, 16, 18 })
            await tasks.Create(new InspectionTask(0, $"门口叫卖检查-{hour}点", new TimeOnly(hour, 0), Weekdays.Every, CameraKind.Entrance,
                null, null, true, Actor, DateTime.UtcNow), Actor);
        await tasks.Create(new InspectionTask(0, "店内吊旗巡检", new TimeOnly(10, 30), Weekdays.Every & ~Weekdays.Saturday, CameraKind.Interior,
            null, null, true, Actor, DateTime.UtcNow), Actor);
        progress("seed: 5 inspection tasks (定时抓拍)");
    }

    private async Task<IReadOnlyList<Login>> SeedAccounts()
    {
        var users = new UserAccounts(database);
        var existing = (await users.List()).Select(u => u.Username).ToHashSet();
        var logins = new List<Login>();
        async Task Ensure(string username, string display, Role role, string[] regions, string[] stores)
        {
            var password = secrets.GetOrCreate($"user:{username}", () => CameraSecret.Generate(14));
            if (!existing.Contains(username)) await users.Upsert(username, display, password, role, regions, stores, Actor);
            logins.Add(new Login(username, password, role.ToCode(), !existing.Contains(username) || await users.Verify(username, password)));
        }
        await Ensure("admin", "总部管理员", Role.HqAdmin, [], []);
        await Ensure("analyst", "总部分析师", Role.HqAnalyst, [], []);
        await Ensure("east", "华东区域经理", Role.RegionManager, ["EAST"], []);
        await Ensure("s0001", "上海南京东路店长", Role.StoreManager, [], [StoreCode(0)]);
        return logins;
    }
}
