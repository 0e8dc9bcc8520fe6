using Microsoft.Extensions.Options;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Alerts;

namespace SmartStore.Web.Api;

/// <summary>消息推送 set up from the API and the page alike: the checks of a new endpoint, and a test send.</summary>
public sealed class WebhookDesk(Webhooks webhooks, RegionRepository regions, StoreRepository stores, WebhookSender sender, MailSender mail,
    IOptions<WebhookOptions> options)
{
    /// <param name="Format">"json" (default), "text" (WeCom / DingTalk group robot) or "email" (<paramref name="Url"/> the recipients).</param>
    /// <param name="Kinds">the events wanted; none named: all of them.</param>
    /// <param name="StoreCode">one store's own endpoint (its alerts and its daily report only); with no region then.</param>
    public sealed record WebhookInput(string? Name, string? Url, string? Format, string? RegionCode, IReadOnlyList<string>? Kinds, string? StoreCode = null);

    /// <summary>The new endpoint's id and signing secret, or what was wrong with the request (or with who asked for it).</summary>
    public async Task<(int Id, string Secret)?> Add(WebhookInput input, AccessScope scope, string actor, FieldErrors errors)
    {
        errors.Text("name", input.Name, 100);
        var format = string.IsNullOrWhiteSpace(input.Format) ? "json" : input.Format.Trim();
        if (format is not ("json" or "text" or "email"))
            errors.Add("format", $"format '{format}' must be json, text or email.", $"消息格式“{format}”须为 json、text 或 email。");
        var address = format == "email" ? Recipients(input.Url, errors) : WebAddress(input.Url, errors);
        var (region, store) = await Coverage(input, errors);
        var kinds = input.Kinds is { Count: > 0 } named ? named.Distinct().ToList() : AlertKinds.All.ToList();
        foreach (var unknown in kinds.Where(k => !AlertKinds.All.Contains(k)))
            errors.Add("kinds", $"kind '{unknown}' is not one of {string.Join(", ", AlertKinds.All)}.", $"事件类型“{unknown}”不存在。");
        if (!scope.MayEditMasterData && !errors.Any) ManagersOwn(scope, format, address!, region, store, errors);
        if (errors.Any) return null;
        return await webhooks.Add(new Webhooks.NewSubscription(input.Name!.Trim(), address!, format, region, kinds, store?.Code,
            HeadOffice: scope.MayEditMasterData), actor);
    }

    /// <summary>Whose the endpoint is: the whole chain's (both null), a region's, or one store's — each checked to exist.</summary>
    private async Task<(string? Region, Store? Store)> Coverage(WebhookInput input, FieldErrors errors)
    {
        var region = PlanningInput.Blank(input.RegionCode);
        if (region is not null && await regions.Find(region) is null)
            errors.Add("regionCode", $"region '{region}' does not exist.", $"大区“{region}”不存在。");
        var code = PlanningInput.Blank(input.StoreCode);
        if (code is null) return (region, null);
        if (region is not null)
        {
            errors.Add("storeCode", "an endpoint is a region's or a store's, not both: leave regionCode out.", "推送范围为大区或单个门店，二者只能选一。");
            return (region, null);
        }
        var store = await stores.Find(code);
        if (store is null) errors.Add("storeCode", $"store '{code}' does not exist.", $"门店“{code}”不存在。");
        return (null, store);
    }

    /// <summary>
    /// What a region's or store's manager may set up: their own regions' and stores' endpoints, mailboxes or a group robot
    /// of the services head office lists (<see cref="WebhookOptions.RobotHosts"/>) — not the chain's own systems (JSON), nor
    /// any other address inside the network the server can reach.
    /// </summary>
    private void ManagersOwn(AccessScope scope, string format, string address, string? region, Store? store, FieldErrors errors)
    {
        if (format == "json") errors.Add("format", "json endpoints (the chain's own systems) are set up by head office.", "JSON 推送（对接贵司系统）由总部设置。");
        var hosts = RobotHosts();
        if (format == "text" && !hosts.Contains(new Uri(address).Host, StringComparer.OrdinalIgnoreCase))
            errors.Add("url", $"a group robot's address must be at {string.Join(" or ", hosts)}.", $"群机器人地址须为 {string.Join("、", hosts)} 的地址。");
        if (region is null && store is null)
            errors.Add("regionCode", "choose your region or one of your stores.", "请选择您的大区或门店。");
        else if (region is not null && !scope.AllowsRegion(region))
            errors.Add("regionCode", $"region '{region}' is not one of yours.", $"大区“{region}”不在您的管辖范围内。");
        else if (store is not null && !scope.AllowsStore(store.Code, store.RegionCode))
            errors.Add("storeCode", $"store '{store.Code}' is not one of yours.", $"门店“{store.Code}”不在您的管辖范围内。");
    }

    /// <summary>The group-robot services managers may send to.</summary>
    public IReadOnlyList<string> RobotHosts() =>
        options.Value.RobotHosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? WebAddress(string? typed, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) errors.Required("url");
        else if (!Uri.TryCreate(typed.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
            errors.Add("url", $"url '{typed}' must be an http:// or https:// address.", $"推送地址“{typed}”须为 http:// 或 https:// 开头的网址。");
        else return typed.Trim();
        return null;
    }

    /// <summary>An email endpoint's recipients as its address (mailto:…), when a mail server is set to send through.</summary>
    private string? Recipients(string? typed, FieldErrors errors)
    {
        if (!mail.Configured)
            errors.Add("format", "email needs a mail server: set Mail__Host (and Mail__From).", "未配置邮件服务器（Mail__Host），不能按邮件推送。");
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors.Required("url");
            return null;
        }
        var (address, error) = AlertMail.Recipients(typed);
        if (error is { } wrong) errors.Add("url", $"url {wrong.En}.", $"收件邮箱有误：{wrong.Zh}。");
        return address;
    }

    /// <summary>The mail server email endpoints go through ("smtp.example.cn:25"), or null when none is set.</summary>
    public string? MailServer => mail.Server;

    /// <summary>The address the messages' links open (Webhooks__PublicUrl), or null when they carry none.</summary>
    public string? LinksTo => sender.LinkAddress;

    public enum Removal { Removed, NotFound, HeadOffices }

    /// <summary>
    /// Stops an endpoint the viewer sets up. One head office set up — a region's group robot it wants every alert in — is
    /// head office's to remove: a manager of that region sees it and may test it, but removing it would silence head office.
    /// </summary>
    public async Task<Removal> Remove(int id, AccessScope scope, string actor) =>
        await webhooks.Find(id, scope) switch
        {
            null => Removal.NotFound,
            { HeadOffice: true } when !scope.MayEditMasterData => Removal.HeadOffices,
            _ => await webhooks.Remove(id, actor) ? Removal.Removed : Removal.NotFound,
        };

    /// <summary>Sends the endpoint a test message now; its answer, or why there was none.</summary>
    public async Task<(int? Status, string? Error)?> Test(int id, AccessScope scope, CancellationToken cancellationToken)
    {
        if (await webhooks.EndpointOf(id, scope) is not { } endpoint) return null;
        return await sender.SendNow(WebhookMessage.Test(endpoint.Url, endpoint.Format, endpoint.Secret), cancellationToken);
    }
}
