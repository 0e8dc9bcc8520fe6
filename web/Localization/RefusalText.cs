using SmartStore.Storage;

namespace SmartStore.Web.Localization;

/// <summary>What master data refused (a duplicate code, a record still in use) in the page's language.</summary>
public static class RefusalText
{
    public static string Of(MasterDataConflict refusal) => !UiText.IsChinese ? refusal.Message : refusal.Reason switch
    {
        MasterDataConflict.Refusal.Duplicate => $"编码“{refusal.Code}”已存在。",
        MasterDataConflict.Refusal.InUse => $"“{refusal.Code}”仍在使用中，请先解除绑定或删除相关记录。",
        MasterDataConflict.Refusal.MissingReference => $"“{refusal.Code}”引用了不存在的记录。",
        MasterDataConflict.Refusal.LastAdmin => $"“{refusal.Code}”是最后一个启用的总部管理员账号，不能停用或改为其他角色。",
        _ => $"“{refusal.Code}”有超出范围的值。",
    };
}
