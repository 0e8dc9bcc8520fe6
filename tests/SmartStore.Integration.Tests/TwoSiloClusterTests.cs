using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Silo;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// Two silos clustered through our PostgreSQL membership table, a client that finds them through it,
/// and grain state that outlives the silo that wrote it.
/// </summary>
public sealed class TwoSiloClusterTests
{
    [Fact]
    public async Task Two_silos_share_membership_and_grain_state_survives_losing_one()
    {
        await using var db = await TestDatabase.Create();
        await new DemoChain(db.Database, new SecretsFile(Path.Combine(Path.GetTempPath(), $"s-{Guid.NewGuid():N}.json")), _ => { }).Seed();

        var first = StartSilo(db.ConnectionString);
        var second = StartSilo(db.ConnectionString);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        await using var connection = await db.Database.Open();
        var active = await Eventually.Get(
            () => connection.ExecuteScalarAsync<int>("SELECT count(*) FROM orleans_membership WHERE status = 3"),
            n => n == 2, what: "two active silos in orleans_membership");
        Assert.Equal(2, active);

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.UseOrleansClient(c =>
        {
            c.Configure<ClusterOptions>(o => { o.ClusterId = SiloSettings.ClusterId; o.ServiceId = SiloSettings.ServiceId; });
            c.UseAdoNetClustering(o => { o.Invariant = OrleansPostgres.Invariant; o.ConnectionString = db.ConnectionString; });
        });
        using var client = clientBuilder.Build();
        await client.StartAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();

        // Spread camera grains over both silos, then lose one silo.
        var codes = Enumerable.Range(1, 10).Select(i => $"CAM-S{i:D4}-E1").ToList();
        foreach (var code in codes) await grains.GetGrain<ICameraGrain>(code).Heartbeat(new Heartbeat(DateTime.UtcNow));

        await second.StopAsync();
        second.Dispose();
        await Eventually.Get(
            () => connection.ExecuteScalarAsync<int>("SELECT count(*) FROM orleans_membership WHERE status = 3"),
            n => n == 1, what: "the stopped silo to leave the active set");

        foreach (var code in codes)
        {
            var status = await grains.GetGrain<ICameraGrain>(code).GetStatus();
            Assert.True(status.Online, $"{code} lost its persisted liveness");
        }

        await client.StopAsync();
        await first.StopAsync();
        first.Dispose();
    }

    private static IHost StartSilo(string connectionString) => SiloHost.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["SMARTSTORE_PG"] = connectionString,
        ["SMARTSTORE_SILO_PORT"] = Loopback.FreePort().ToString(),
        ["SMARTSTORE_GATEWAY_PORT"] = Loopback.FreePort().ToString(),
        ["SMARTSTORE_HOME"] = Path.Combine(Path.GetTempPath(), "smartstore-two-silo"),
        ["Ftp:Enabled"] = "false",
        ["SMARTSTORE_INGEST_URL"] = $"http://127.0.0.1:{Loopback.FreePort()}",
    }));

}
