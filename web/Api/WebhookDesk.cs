using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Alerts;

namespace SmartStore.Web.Api;

/// <summary>消息推送 set up from the API and the page alike: the checks of a new endpoint, and a test send.</summary>
public sealed class WebhookDesk(Webhooks webhooks, RegionRepository regions, WebhookSender sender)
{
    /// <param name="Format">"json" (default) or "text" (WeCom / DingTalk group robot).</param>
    /// <param name="Kinds">the events wanted; none named: all of them.</param>
    public sealed record WebhookInput(string? Name, string? Url, string? Format, string? RegionCode, IReadOnlyList<string>? Kinds);

    /// <summary>The new endpoint's id and signing secret, or what was wrong with the request.</summary>
    public async Task<(int Id, string Secret)?> Add(WebhookInput input, string actor, FieldErrors errors)
    {
        errors.Text("name", input.Name, 100);
        if (string.IsNullOrWhiteSpace(input.Url)) errors.Required("url");
        else if (!Uri.TryCreate(input.Url.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
            errors.Add("url", $"url '{input.Url}' must be an http:// or https:// address.", $"推送地址“{input.Url}”须为 http:// 或 https:// 开头的网址。");
        var format = string.IsNullOrWhiteSpace(input.Format) ? "json" : input.Format.Trim();
        if (format is not ("json" or "text")) errors.Add("format", $"format '{format}' must be json or text.", $"消息格式“{format}”须为 json 或 text。");
        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? null : input.RegionCode.Trim();
        if (region is not null && (await regions.List(AccessScope.Everything(Role.HqAdmin))).All(r => r.Code != region))
            errors.Add("regionCode", $"region '{region}' does not exist.", $"大区“{region}”不存在。");
        var kinds = input.Kinds is { Count: > 0 } named ? named.Distinct().ToList() : AlertKinds.All.ToList();
        foreach (var unknown in kinds.Where(k => !AlertKinds.All.Contains(k)))
            errors.Add("kinds", $"kind '{unknown}' is not one of {string.Join(", ", AlertKinds.All)}.", $"事件类型“{unknown}”不存在。");
        if (errors.Any) return null;
        return await webhooks.Add(new Webhooks.NewSubscription(input.Name!.Trim(), input.Url!.Trim(), format, region, kinds), actor);
    }

    /// <summary>The address the messages' links open (Webhooks__PublicUrl), or null when they carry none.</summary>
    public string? LinksTo => sender.LinkAddress;

    /// <summary>Sends the endpoint a test message now; its answer, or why there was none.</summary>
    public async Task<(int? Status, string? Error)?> Test(int id, CancellationToken cancellationToken)
    {
        if (await webhooks.EndpointOf(id) is not { } endpoint) return null;
        var message = WebhookMessage.Test(endpoint.Url, endpoint.Format, endpoint.Secret);
        return await sender.Post(endpoint.Url, endpoint.Format, endpoint.Secret, WebhookMessage.Body(message, sender.LinkAddress), WebhookMessage.TestKind, "test",
            cancellationToken);
    }
}
