using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using SmartStore.Models;
using SmartStore.Silo;
using SmartStore.Storage;

namespace SmartStore.Integration.Tests;

/// <summary>The silo wakes every store's grain after it starts, so the first HQ board does not wait for each to read its state.</summary>
[Collection(SystemCollection.Name)]
public sealed class StoreGrainWarmupTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Every_store_in_the_database_has_its_grain_woken_also_one_no_call_has_touched()
    {
        // Written straight to the database: nothing tells its grain, which so stays asleep until something calls it.
        var repository = new StoreRepository(system.Database.Database);
        await repository.Create(new Store("X0968", "唤醒测试店", "EAST", "杭州", "", 30.2, 120.1, [], OpeningHours.Daily(new TimeOnly(9, 0), new TimeOnly(21, 0)),
            "Asia/Shanghai", 4), "test");
        var management = system.Grains.GetGrain<IManagementGrain>(0);
        Assert.DoesNotContain("X0968", await ActiveStores(management));

        var warmup = new StoreGrainWarmup(system.Grains, repository, NullLogger<StoreGrainWarmup>.Instance);
        var (woken, failed) = await warmup.WakeAll(CancellationToken.None);

        var codes = await repository.Codes();
        Assert.Equal((codes.Count, 0), (woken, failed));
        var active = await ActiveStores(management);
        Assert.Contains("X0968", active);
        Assert.Empty(codes.Except(active));
    }

    private static async Task<IReadOnlyList<string>> ActiveStores(IManagementGrain management) =>
        (await management.GetActiveGrains(GrainType.Create("store"))).Select(g => g.Key.ToString()!).ToList();
}
