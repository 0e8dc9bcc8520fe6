using Microsoft.ML.OnnxRuntime;

namespace SmartStore.Vision.Models;

/// <summary>
/// One intra-op thread pool for every ONNX Runtime session of the process, instead of one per session. A worker that
/// runs several models in turn (the detector, then re-id on each person; the detector, then product embeddings of shelf
/// slots) otherwise has each session's idle threads still spinning while the next session runs, on the same cores:
/// on 2 cores a detector + re-id frame took 1.6–1.8× the sum of the two models' own times (vision-speed,
/// <c>entrance_frame_ms_*</c>); with the shared pool it takes their sum. Must be started before the first session;
/// <see cref="InferenceThreads.IntraOp"/> is then ignored: the pool's size is the process's.
/// </summary>
public static class SharedInferencePool
{
    private static readonly Lock Gate = new();

    /// <summary>The shared pool's intra-op threads, or null while sessions keep their own pools.</summary>
    public static int? Threads { get; private set; }

    /// <summary>
    /// Starts ONNX Runtime with one shared pool of <paramref name="intraOpThreads"/> threads (spinning between
    /// operators, as per-session pools do by default: it measured faster than parking them). False when ONNX Runtime
    /// was already started in this process without it (sessions then keep their own pools).
    /// </summary>
    public static bool Start(int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        lock (Gate)
        {
            if (Threads is not null) return Threads == intraOpThreads;
            if (OrtEnv.IsCreated) return false;
            using var threading = new OrtThreadingOptions
            {
                GlobalIntraOpNumThreads = intraOpThreads,
                GlobalInterOpNumThreads = 1,
                GlobalSpinControl = true,
            };
            var options = new EnvironmentCreationOptions { threadOptions = threading, logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
            OrtEnv.CreateInstanceWithOptions(ref options);
            Threads = intraOpThreads;
            return true;
        }
    }
}
