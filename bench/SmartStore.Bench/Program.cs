using System.Runtime.InteropServices;
using SmartStore.Bench;
using SmartStore.Bench.Board;
using SmartStore.Bench.Display;
using SmartStore.Bench.Ingest;
using SmartStore.Bench.Sheets;
using SmartStore.Bench.Traffic;
using SmartStore.Bench.Vision;

IBenchmark[] benchmarks = [new VisionAccuracyBenchmark(), new VisionSpeedBenchmark(), new IngestBenchmark(), new TrafficAccuracyBenchmark(), new DisplayAccuracyBenchmark(), new ClosureBenchmark(),
    new BoardBenchmark(), new SheetsBenchmark()];

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: SmartStore.Bench <benchmark> [options]");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-18} {b.Usage}");
    return args.Length == 0 ? 2 : 0;
}

var chosen = benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
if (chosen is null)
{
    Console.Error.WriteLine($"Unknown benchmark '{args[0]}'. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
// `kill` stops a benchmark like Ctrl+C does, so it can stop the servers it started.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancel.Cancel(); });
return await chosen.RunAsync(new BenchArgs(args.Skip(1)), cancel.Token);
