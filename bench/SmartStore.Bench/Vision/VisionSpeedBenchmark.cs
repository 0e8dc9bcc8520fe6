namespace SmartStore.Bench.Vision;

public sealed class VisionSpeedBenchmark : IBenchmark
{
    public string Name => "vision-speed";
    public string Usage => "[--data DIR] [--runs N]";
    public Task<int> RunAsync(BenchArgs args, CancellationToken cancellation) => Task.FromResult(0);
}
