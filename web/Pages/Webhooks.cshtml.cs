using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>
/// 消息推送 (系统管理): where camera and store alerts are sent as they happen — the chain's own systems (signed JSON) or a
/// WeCom / DingTalk group robot (text), or mailboxes — with each endpoint's deliveries, a test send and removal. Head
/// office's admins set up any; a region's or store's managers their own regions' and stores' robots and mailboxes.
/// </summary>
public sealed class WebhooksModel(Webhooks webhooks, WebhookDesk desk, RegionRepository regions, StoreRepository stores) : PageModel
{
    public const int DeliveriesShown = 20;
    private const int OwnStoresListed = 500;

    public IReadOnlyList<Webhooks.Subscription> Subscriptions { get; private set; } = [];
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    /// <summary>A manager's own stores, offered in the store field (none listed for head office: it types the code).</summary>
    public IReadOnlyList<Store> OwnStores { get; private set; } = [];
    /// <summary>A store's manager sets up the store's own endpoints only: the store is the one choice, and required.</summary>
    public bool StoreOnly => User.Scope().Role == Role.StoreManager;
    /// <summary>The whole chain is head office's to choose.</summary>
    public bool OffersWholeChain => User.Scope().MayEditMasterData;
    public IReadOnlyList<Webhooks.Delivery> Deliveries { get; private set; } = [];
    public Webhooks.Subscription? Selected { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public SecretShown? Shown { get; private set; }
    public string? Notice { get; private set; }
    /// <summary>The address the messages' links open, or null when they carry none.</summary>
    public string? LinksTo => desk.LinksTo;
    /// <summary>The group-robot services a region's or store's manager may send to.</summary>
    public IReadOnlyList<string> RobotHosts => desk.RobotHosts();
    /// <summary>The mail server email endpoints go through, or null when none is set.</summary>
    public string? MailServer => desk.MailServer;

    [FromQuery(Name = "id")] public int? SelectedId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Endpoint { get; set; }
    [BindProperty] public string Format { get; set; } = "text";
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? StoreCode { get; set; }
    /// <summary>The events ticked; empty on a post with none ticked (the page ticks them all to start with).</summary>
    [BindProperty] public List<string> Kinds { get; set; } = [];

    public async Task<IActionResult> OnGet()
    {
        if (!User.Scope().MaySetUpAlerts) return Forbid();
        TickAllKinds();
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostAdd()
    {
        if (!User.Scope().MaySetUpAlerts) return Forbid();
        var errors = new FieldErrors();
        if (Kinds.Count == 0) errors.Add("kinds", "choose at least one event.", "请至少选择一种事件。");
        // A store typed in narrows the region chosen to it (the API, stricter, wants one or the other).
        else if (await desk.Add(new WebhookDesk.WebhookInput(Name, Endpoint, Format, string.IsNullOrWhiteSpace(StoreCode) ? RegionCode : null, Kinds, StoreCode),
                     User.Scope(), User.Actor(), errors) is { } added)
        {
            // A mail is not signed: nothing to show once.
            if (Format != "email")
            {
                Shown = new SecretShown(string.Format(T("webhookAdded"), Name!.Trim()), null, added.Secret, SecretLabel: T("signingSecret"),
                    Warning: T("signingSecretOnce"));
                Response.Headers.CacheControl = "no-store";
            }
            else Notice = string.Format(T("webhookAdded"), Name!.Trim());
            SelectedId = added.Id;
            (Name, Endpoint, RegionCode, StoreCode) = (null, null, null, null);
            TickAllKinds();
        }
        Errors = errors.Localized;
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostTest(int id, CancellationToken cancellationToken)
    {
        if (!User.Scope().MaySetUpAlerts) return Forbid();
        var sent = await desk.Test(id, User.Scope(), cancellationToken);
        return await Told(sent is null ? T("webhookGone") : sent.Value.Error is null ? string.Format(T("webhookTestDelivered"), sent.Value.Status)
            : string.Format(T("webhookTestFailed"), sent.Value.Error), id);
    }

    /// <summary>One delivery over (delivered or given up) sent again, or with no event every one given up.</summary>
    public async Task<IActionResult> OnPostAgain(int id, long? eventId)
    {
        if (!User.Scope().MaySetUpAlerts) return Forbid();
        var again = await webhooks.Find(id, User.Scope()) is null ? 0 : await webhooks.SendAgain(id, eventId);
        return await Told(again > 0 ? string.Format(T("webhookAgainQueued"), again) : T("webhookAgainNone"), id);
    }

    public async Task<IActionResult> OnPostRemove(int id)
    {
        if (!User.Scope().MaySetUpAlerts) return Forbid();
        return await desk.Remove(id, User.Scope(), User.Actor()) switch
        {
            WebhookDesk.Removal.Removed => await Told(T("webhookRemoved"), null),
            WebhookDesk.Removal.HeadOffices => await Told(T("webhookHeadOfficesOnly"), id),
            _ => await Told(T("webhookGone"), null),
        };
    }

    /// <summary>The page after an action on an endpoint: what happened said, that endpoint's deliveries shown, the add form fresh.</summary>
    private async Task<IActionResult> Told(string notice, int? selected)
    {
        Notice = notice;
        SelectedId = selected;
        TickAllKinds();
        await Load();
        return Page();
    }

    /// <summary>The add form starts with every event ticked.</summary>
    private void TickAllKinds() => Kinds = AlertKinds.All.ToList();

    /// <summary>Who the endpoint is for: the whole chain, a region, or one store.</summary>
    public string ScopeText(Webhooks.Subscription w) => w.StoreCode is { } store ? string.Format(T("webhookStoreScope"), store)
        : w.RegionCode is null ? T("wholeChain") : Display.RegionName(Regions.FirstOrDefault(r => r.Code == w.RegionCode), w.RegionCode);

    private async Task Load()
    {
        var scope = User.Scope();
        // A store's manager chooses among the stores only; a region's manager among the regions, not the whole chain.
        Regions = StoreOnly ? [] : await regions.List(scope);
        if (!scope.MayEditMasterData) OwnStores = (await stores.List(scope, null, null, null, 1, OwnStoresListed)).Items;
        if (scope.Role == Role.StoreManager && StoreCode is null) StoreCode = OwnStores.FirstOrDefault()?.Code;
        Subscriptions = await webhooks.List(scope);
        Selected = Subscriptions.FirstOrDefault(s => s.Id == SelectedId);
        if (Selected is not null) Deliveries = await webhooks.Deliveries(Selected.Id, DeliveriesShown);
    }
}
