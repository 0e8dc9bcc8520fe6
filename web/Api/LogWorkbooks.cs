using SmartStore.Storage;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Api;

/// <summary>登录日志 and 操作日志 as .xlsx workbooks: one row an entry, newest first, its time on head office's clock.</summary>
public static class LogWorkbooks
{
    public static async Task<byte[]> Audit(IReadOnlyList<AuditTrail.Entry> entries, Func<DateTime, DateTime> local, CancellationToken cancellationToken) =>
        await Workbook.Save(new Dictionary<string, object>
        {
            ["audit"] = entries.Select(e => new Dictionary<string, object?>
            {
                ["编号 id"] = e.Id, ["时间 time"] = Time(local, e.At), ["操作人 actor"] = e.Actor,
                ["操作 action"] = e.Action, ["操作（中文）"] = Chinese("act", e.Action), ["对象 entity"] = e.Entity, ["对象（中文）"] = Chinese("ent", e.Entity),
                ["编码 key"] = e.EntityKey,
                ["变更 changes"] = AuditChanges.Of(e) is { } changes ? AuditChanges.Lines(changes) : null, ["详情 detail"] = e.Detail,
            }).ToList(),
        }, cancellationToken);

    public static async Task<byte[]> SignIns(IReadOnlyList<SignInLog.Entry> entries, Func<DateTime, DateTime> local, CancellationToken cancellationToken) =>
        await Workbook.Save(new Dictionary<string, object>
        {
            ["sign-ins"] = entries.Select(e => new Dictionary<string, object?>
            {
                ["编号 id"] = e.Id, ["时间 time"] = Time(local, e.AtUtc), ["用户名 username"] = e.Username, ["结果 outcome"] = e.Outcome,
                ["结果（中文）"] = Chinese("signIn", e.Outcome), ["来源地址 address"] = e.Address, ["浏览器 user agent"] = e.UserAgent,
            }).ToList(),
        }, cancellationToken);

    private static string Time(Func<DateTime, DateTime> local, DateTime utc) => local(utc).ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>The Chinese word for a code of a group (an action, a kind of thing, an outcome), or the code where it has none.</summary>
    private static string Chinese(string group, string code) => Zh($"{group}.{code}") is var word && word != $"{group}.{code}" ? word : code;
}
