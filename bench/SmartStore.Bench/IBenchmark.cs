namespace SmartStore.Bench;

/// <summary>One named benchmark. It prints progress while it runs and ends with FIGURE lines.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(BenchArgs args, CancellationToken cancellation);
}
