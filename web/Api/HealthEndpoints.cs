using System.Net;
using Dapper;
using SmartStore.GrainInterfaces;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// <c>GET /healthz</c>: no auth; says whether the database and the silo answer. The counts of stores and cameras and what
/// went wrong are for the operator (on the host itself — <c>./smartstore status</c>, a local monitor — or signed in): a
/// load balancer's probe from the chain's network, or anyone the reverse proxy lets through, learns only up or down, not
/// the chain's size nor the database's error messages.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (HttpContext http, SmartStoreDatabase db, IClusterClient cluster) =>
        {
            string database, silo;
            int? stores = null, cameras = null, online = null;
            try
            {
                await using var connection = await db.Open();
                stores = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM stores");
                cameras = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM cameras");
                database = "ok";
            }
            catch (Exception e) { database = e.Message; }
            try
            {
                var counts = await cluster.GetGrain<IHqGrain>(IHqGrain.Key).GetCameraCounts().WaitAsync(TimeSpan.FromSeconds(5));
                online = counts.Online;
                silo = "ok";
            }
            catch (Exception e) { silo = e.Message; }
            var healthy = database is "ok" && silo is "ok";
            var health = ForOperator(http)
                ? new ServiceHealth(healthy ? "ok" : "degraded", database, silo, stores, cameras, online)
                : new ServiceHealth(healthy ? "ok" : "degraded", Plain(database), Plain(silo), null, null, null);
            return Results.Json(health, statusCode: healthy ? 200 : 503);
        }).WithSummary("Health: the database and the silo answer (no key needed; counts and errors for the host itself or a signed-in caller)")
            .AllowAnonymous().Produces<ServiceHealth>().Produces<ServiceHealth>(StatusCodes.Status503ServiceUnavailable).WithTags("Health");
        return app;
    }

    // The address is the client's behind a known proxy (ReverseProxy), so the proxy's own loopback does not count.
    private static bool ForOperator(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address) || http.User.Identity?.IsAuthenticated == true;

    private static string Plain(string state) => state is "ok" ? "ok" : "unavailable";

    /// <summary>
    /// "ok" or "degraded"; the database's and the silo's "ok" or what went wrong ("unavailable" to a caller from elsewhere);
    /// counts null where their source did not answer, and for a caller from elsewhere.
    /// </summary>
    public sealed record ServiceHealth(string Status, string Database, string Silo, int? Stores, int? Cameras, int? CamerasOnline);
}
