using System.Security.Claims;
using SmartStore.GrainInterfaces;
using SmartStore.Storage;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>Staff enrolment per store: a full-body photo per person, so their door crossings are counted as staff.</summary>
public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaff(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/stores/{store}/staff").WithTags("Foot traffic");
        staff.MapGet("/", List).WithSummary("A store's enrolled staff (not counted as customers)").Produces<IReadOnlyList<StaffRoster.StaffMember>>();
        staff.MapPost("/", Enrol).WithSummary("Enrols a staff member from a photo (JPEG)").Produces<StaffEnrolled>(StatusCodes.Status201Created).AcceptsJpeg().RequireAuthorization(AuthenticationSetup.MayEdit);
        staff.MapDelete("/{id:long}", Remove).WithSummary("Removes an enrolled staff member").Produces(StatusCodes.Status204NoContent).RequireAuthorization(AuthenticationSetup.MayEdit);
        return api;
    }

    private static async Task<IResult> List(string store, ClaimsPrincipal user, StoreRepository stores, StaffRoster roster)
    {
        if (await StoreAccess.Resolve(user.Scope(), store, null, stores) is { Problem: { } problem }) return problem;
        return Results.Ok(await roster.List(store));
    }

    /// <summary>POST the photo as image/jpeg with <c>?name=</c>; the largest person in it is enrolled.</summary>
    private static async Task<IResult> Enrol(string store, string? name, HttpRequest request, ClaimsPrincipal user, StoreRepository stores,
        StaffEnrolment enrolment, CancellationToken cancellationToken)
    {
        if (await StoreAccess.Resolve(user.Scope(), store, null, stores) is { Problem: { } problem }) return problem;
        var errors = new FieldErrors();
        errors.Text("name", name, 80);
        if (errors.Any) return errors.ToResult();
        var (jpeg, _, bad) = await JpegCheck.ReadBody(request, cancellationToken);
        if (jpeg is null) return bad!;
        if (await enrolment.Enrol(store, name!.Trim(), jpeg, user.Actor()) is not { } id)
            return Results.Problem(statusCode: 400, title: "No person found", detail: StaffEnrolment.NoPerson);
        return Results.Created($"/api/stores/{store}/staff/{id}", new StaffEnrolled(id, store, name.Trim()));
    }

    private static async Task<IResult> Remove(string store, long id, ClaimsPrincipal user, StoreRepository stores, StaffRoster roster, IClusterClient cluster)
    {
        if (await StoreAccess.Resolve(user.Scope(), store, null, stores) is { Problem: { } problem }) return problem;
        if (!await roster.Remove(store, id, user.Actor())) return Problems.NotFound($"Staff member {id} of store '{store}'");
        await cluster.GetGrain<IStoreGrain>(store).StaffChanged();
        return Results.NoContent();
    }

    /// <summary>A staff member enrolled from a photo (the largest person in it): their id in the store's roster, and name.</summary>
    public sealed record StaffEnrolled(long Id, string Store, string Name);
}
