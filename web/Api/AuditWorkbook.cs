using SmartStore.Storage;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Api;

/// <summary>操作日志 as an .xlsx workbook: one row an entry, newest first, its time on head office's clock.</summary>
public static class AuditWorkbook
{
    public static async Task<byte[]> Write(IReadOnlyList<AuditTrail.Entry> entries, Func<DateTime, DateTime> local, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>
        {
            ["audit"] = entries.Select(e => new Dictionary<string, object?>
            {
                ["编号 id"] = e.Id, ["时间 time"] = local(e.At).ToString("yyyy-MM-dd HH:mm:ss"), ["操作人 actor"] = e.Actor,
                ["操作 action"] = e.Action, ["操作（中文）"] = Chinese("act", e.Action), ["对象 entity"] = e.Entity, ["对象（中文）"] = Chinese("ent", e.Entity),
                ["编码 key"] = e.EntityKey, ["详情 detail"] = e.Detail,
            }).ToList(),
        };
        return await Workbook.Save(sheets, cancellationToken);
    }

    /// <summary>The Chinese word for an action or a kind of thing, or its code where it has none.</summary>
    private static string Chinese(string group, string code) => Zh($"{group}.{code}") is var word && word != $"{group}.{code}" ? word : code;
}
