namespace SmartStore.Vision.Models;

/// <summary>
/// Explicit ONNX Runtime thread settings. Defaults would grab every core per session; with several workers
/// on a small store server that oversubscribes the CPU, so each worker states what it may use. Ignored once the process
/// has a <see cref="SharedInferencePool"/>: its size holds for every session.
/// </summary>
public sealed record InferenceThreads(int IntraOp = 1, int InterOp = 1)
{
    public static InferenceThreads Single { get; } = new(1, 1);
}
