using Dapper;
using SmartStore.GrainInterfaces;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary><c>GET /healthz</c>: no auth; says whether the database and the silo answer, and how many cameras are online.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (SmartStoreDatabase db, IClusterClient cluster) =>
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
            return Results.Json(new ServiceHealth(healthy ? "ok" : "degraded", database, silo, stores, cameras, online), statusCode: healthy ? 200 : 503);
        }).WithSummary("Health: the database and the silo answer (no key needed)").AllowAnonymous()
            .Produces<ServiceHealth>().Produces<ServiceHealth>(StatusCodes.Status503ServiceUnavailable).WithTags("Health");
        return app;
    }

    /// <summary>"ok" or "degraded"; the database's and the silo's "ok" or what went wrong; counts null where their source did not answer.</summary>
    public sealed record ServiceHealth(string Status, string Database, string Silo, int? Stores, int? Cameras, int? CamerasOnline);
}
