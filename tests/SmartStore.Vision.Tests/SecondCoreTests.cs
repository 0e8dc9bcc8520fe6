using SmartStore.Vision.Intake;
using Xunit;

namespace SmartStore.Vision.Tests;

/// <summary>The two-half runner behind the banded letterbox: both halves run once per call, and no call returns while one still runs.</summary>
public sealed class SecondCoreTests
{
    [Fact]
    public void EachCallRunsBothHalvesOnceEvenWhenThePoolIsSlowToPickTheOtherUp()
    {
        var core = new SecondCore();
        int mine = 0, theirs = 0;
        Action countMine = () => mine++, countTheirs = () => Interlocked.Increment(ref theirs);
        Action slowMine = () => { mine++; Thread.Sleep(1); };
        for (int call = 1; call <= 2_000; call++)
        {
            // Alternately: the caller finishes first (it may run the other half itself) or the pool takes it meanwhile.
            core.Run(call % 2 == 0 ? countMine : slowMine, countTheirs);
            Assert.Equal((call, call), (mine, Volatile.Read(ref theirs)));
        }
    }

    [Fact]
    public void AFailureInTheOtherHalfIsThrownToTheCaller()
    {
        var core = new SecondCore();
        var error = Assert.Throws<InvalidOperationException>(() => core.Run(() => { }, () => throw new InvalidOperationException("lower band")));
        Assert.Equal("lower band", error.Message);
        // The runner is usable again after a failure.
        var ran = 0;
        core.Run(() => { }, () => ran++);
        Assert.Equal(1, ran);
    }

    [Fact]
    public void AFailureInTheCallersHalfWaitsForTheOtherHalfToEnd()
    {
        var core = new SecondCore();
        var otherEnded = false;
        Assert.Throws<InvalidOperationException>(() => core.Run(
            () => { Thread.Sleep(5); throw new InvalidOperationException("upper band"); },
            () => { Thread.Sleep(50); Volatile.Write(ref otherEnded, true); }));
        Assert.True(Volatile.Read(ref otherEnded));
    }
}
