using SmartStore.Models;

namespace SmartStore.Grains.Tests;

public sealed class AccessScopeTests
{
    [Fact]
    public void Each_role_sees_exactly_its_part_of_the_chain()
    {
        var hq = AccessScope.Everything(Role.HqAnalyst);
        var east = new AccessScope(Role.RegionManager, ["EAST"], []);
        var shop = new AccessScope(Role.StoreManager, [], ["S0001"]);

        Assert.True(hq.AllowsStore("S0020", "NORTH"));
        Assert.True(east.AllowsStore("S0002", "EAST"));
        Assert.False(east.AllowsStore("S0020", "NORTH"));
        Assert.True(shop.AllowsStore("S0001", "EAST"));
        Assert.False(shop.AllowsStore("S0002", "EAST"));
        Assert.False(shop.AllowsRegion("EAST"));
        Assert.True(AccessScope.Everything(Role.HqAdmin).MayEditMasterData);
        Assert.False(hq.MayEditMasterData);
        Assert.False(east.MayEditMasterData);
    }
}
