namespace SmartStore.Web.Localization;

/// <summary>
/// The fields of forms and request bodies as a Chinese page names them, so a refused field reads "请填写城市" and
/// not "city is required". A field not listed (one only the API sends) keeps its API name.
/// </summary>
public static class FieldNames
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["code"] = "编码",
        ["card"] = "会员卡号",
        ["holder"] = "持卡人",
        ["username"] = "用户名",
        ["displayName"] = "姓名",
        ["role"] = "角色",
        ["regionCodes"] = "负责大区",
        ["storeCodes"] = "负责门店",
        ["password"] = "新密码",
        ["currentPassword"] = "当前密码",
        ["name"] = "名称",
        ["nameEn"] = "英文名称",
        ["city"] = "城市",
        ["address"] = "地址",
        ["latitude"] = "纬度",
        ["longitude"] = "经度",
        ["brand"] = "品牌",
        ["model"] = "型号",
        ["category"] = "品类",
        ["label"] = "中文名称",
        ["labelEn"] = "英文名称",
        ["regionCode"] = "大区",
        ["storeCode"] = "门店",
        ["storeTag"] = "门店类型",
        ["text"] = "待办内容",
        ["note"] = "处理说明",
        ["at"] = "时间",
        ["starts"] = "开始时间",
        ["ends"] = "结束时间",
        ["from"] = "开始日期",
        ["to"] = "结束日期",
        ["day"] = "日期",
        ["weekdays"] = "星期",
        ["reason"] = "原因",
        ["open"] = "开门时间",
        ["close"] = "关门时间",
        ["stores"] = "门店",
        ["grid.x"] = "货架区域 x",
        ["grid.y"] = "货架区域 y",
        ["grid.width"] = "货架区域宽度",
        ["grid.height"] = "货架区域高度",
        ["url"] = "推送地址",
    };

    public static string Zh(string field) => Chinese.GetValueOrDefault(field, field);
}
