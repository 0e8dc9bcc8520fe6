using System.Security.Claims;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// 内部会员卡: the member cards a store's staff hold, so a sale rung on one is found (收银追溯). The chain's HR system keeps
/// each store's list with one PUT of the whole list.
/// </summary>
public static class StaffCardEndpoints
{
    public sealed record CardsInput(IReadOnlyList<StaffCardDesk.CardInput?>? Cards);

    public static RouteGroupBuilder MapStaffCards(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{code}/staff-cards", List).WithSummary("The member cards a store's staff hold (a sale on one is flagged)").Produces<StoreStaffCards>().WithTags("POS");
        api.MapPut("/stores/{code}/staff-cards", Replace).WithSummary("Replaces a store's staff cards").Produces<StoreStaffCards>().WithTags("POS").RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> List(string code, ClaimsPrincipal user, StoreRepository stores, StaffCards cards)
    {
        var (store, refusal) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return refusal!;
        return await Listed(store.Code, cards);
    }

    private static async Task<IResult> Replace(string code, CardsInput input, ClaimsPrincipal user, StoreRepository stores, StaffCardDesk desk,
        StaffCards cards)
    {
        var (store, refusal) = await StoreAccess.Visible(user.Scope(), code, stores);
        if (store is null) return refusal!;
        var errors = await desk.Replace(store.Code, input.Cards, user.Actor());
        return errors.Any ? errors.ToResult() : await Listed(store.Code, cards);
    }

    private static async Task<IResult> Listed(string storeCode, StaffCards cards) =>
        Results.Ok(new StoreStaffCards(storeCode, (await cards.OfStore(storeCode)).Select(c => new StaffCardHeld(c.Card, c.Holder)).ToList()));

    /// <summary>内部会员卡: the member cards a store's staff hold, each with its holder.</summary>
    public sealed record StoreStaffCards(string Store, IReadOnlyList<StaffCardHeld> Cards);

    public sealed record StaffCardHeld(string Card, string Holder);
}
