using System.Globalization;

namespace SmartStore.Web.Localization;

/// <summary>
/// The UI's words in zh-CN and en. The culture comes from the request (cookie set by the language
/// switch, else Accept-Language); API JSON stays in English.
/// </summary>
public static class UiText
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Cultures = [Chinese, English];

    private static readonly Dictionary<string, (string Zh, string En)> Words = new()
    {
        ["app"] = ("SmartStore 智慧门店", "SmartStore"),
        ["hq"] = ("总部看板", "HQ board"),
        ["stores"] = ("门店", "Stores"),
        ["cameras"] = ("设备", "Cameras"),
        ["skus"] = ("商品 SKU", "SKUs"),
        ["apiKeys"] = ("API 管理", "API keys"),
        ["audit"] = ("操作日志", "Audit log"),
        ["logout"] = ("退出", "Sign out"),
        ["login"] = ("登录", "Sign in"),
        ["username"] = ("用户名", "Username"),
        ["password"] = ("密码", "Password"),
        ["loginFailed"] = ("用户名或密码错误。", "Wrong username or password."),
        ["online"] = ("在线", "Online"),
        ["offline"] = ("离线", "Offline"),
        ["unknown"] = ("未上报", "No report yet"),
        ["camerasOnline"] = ("在线摄像头", "Cameras online"),
        ["camerasOffline"] = ("离线摄像头", "Cameras offline"),
        ["storesCount"] = ("门店数", "Stores"),
        ["store"] = ("门店", "Store"),
        ["code"] = ("编码", "Code"),
        ["name"] = ("名称", "Name"),
        ["region"] = ("大区", "Region"),
        ["city"] = ("城市", "City"),
        ["address"] = ("地址", "Address"),
        ["tags"] = ("标签", "Tags"),
        ["hours"] = ("营业时间", "Opening hours"),
        ["staff"] = ("员工数", "Staff"),
        ["latitude"] = ("纬度", "Latitude"),
        ["longitude"] = ("经度", "Longitude"),
        ["entrance"] = ("入口摄像头", "Entrance camera"),
        ["shelf"] = ("货架球机", "Shelf PTZ camera"),
        ["lastSeen"] = ("最后心跳", "Last heartbeat"),
        ["search"] = ("搜索", "Search"),
        ["all"] = ("全部", "All"),
        ["create"] = ("新建", "Create"),
        ["newStore"] = ("新建门店", "New store"),
        ["save"] = ("保存", "Save"),
        ["live"] = ("实时", "Live"),
        ["connecting"] = ("连接中…", "Connecting…"),
        ["disconnected"] = ("已断开，正在重连", "Disconnected, reconnecting"),
        ["prev"] = ("上一页", "Previous"),
        ["next"] = ("下一页", "Next"),
        ["total"] = ("共", "Total"),
        ["created"] = ("已创建", "Created"),
        ["brand"] = ("品牌", "Brand"),
        ["category"] = ("品类", "Category"),
        ["competitor"] = ("竞品", "Competitor"),
        ["own"] = ("本品", "Own"),
        ["kind"] = ("类型", "Kind"),
        ["model"] = ("型号", "Model"),
        ["presets"] = ("预置位", "Presets"),
        ["status"] = ("状态", "Status"),
        ["role"] = ("角色", "Role"),
        ["hq_admin"] = ("总部管理员", "HQ admin"),
        ["hq_analyst"] = ("总部分析师", "HQ analyst"),
        ["region_manager"] = ("区域经理", "Region manager"),
        ["store_manager"] = ("店长", "Store manager"),
        ["flagship"] = ("旗舰店", "Flagship"),
        ["mall"] = ("商场店", "Mall"),
        ["street"] = ("街边店", "Street"),
        ["community"] = ("社区店", "Community"),
    };

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string T(string key) =>
        Words.TryGetValue(key, out var w) ? (IsChinese ? w.Zh : w.En) : key;
}
