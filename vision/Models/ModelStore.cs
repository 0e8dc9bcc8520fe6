using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace SmartStore.Vision.Models;

/// <summary>
/// Resolves catalogue models to verified files and opens ONNX Runtime sessions for them.
/// Each analysis worker opens its own session per model (sessions are not thread-safe to share); their intra-op
/// threads come from the <see cref="SharedInferencePool"/> when the process started one, else each session has its own.
/// The digest check is done once per file per process.
/// </summary>
public sealed class ModelStore
{
    private readonly ConcurrentDictionary<string, Lazy<string>> verified = new(StringComparer.Ordinal);

    public ModelStore(string modelsDirectory) => ModelsDirectory = Path.GetFullPath(modelsDirectory);

    public string ModelsDirectory { get; }

    /// <summary>Models folder from SMARTSTORE_MODELS, else ../shared/models beside the repo root.</summary>
    public static ModelStore Locate() => new(SharedAssets.ModelsDirectory());

    /// <summary>Path of the model's file after checking it exists and its sha256 matches the catalogue.</summary>
    public string Resolve(ModelSpec spec)
    {
        var path = Path.Combine(ModelsDirectory, spec.RelativePath);
        return verified.GetOrAdd(path, p => new Lazy<string>(() => Verify(spec, p))).Value;
    }

    /// <summary>Checks every catalogue entry so a deployment fails at startup, not on the first snapshot.</summary>
    public void VerifyAll(IEnumerable<ModelSpec> specs)
    {
        foreach (var spec in specs) Resolve(spec);
    }

    public InferenceSession OpenSession(ModelSpec spec, InferenceThreads threads) => OpenSession(spec, threads, []);

    /// <summary>A session that also returns the named intermediate float tensors (see <see cref="ModelGraph"/>).</summary>
    public InferenceSession OpenSession(ModelSpec spec, InferenceThreads threads, params string[] extraOutputs)
    {
        var path = Resolve(spec);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads.IntraOp,
            InterOpNumThreads = threads.InterOp,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // UltraFace's old exporter lists weights as inputs; ORT warns on every load. Errors still surface.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // A session's intra-op threads keep spinning for a while after Run returns; on two cores that spin takes the
        // core the worker needs next for decoding the next snapshot or writing the next crop. Spinning between
        // operators within a run is kept (parking there made the small models twice as slow).
        options.AddSessionConfigEntry("session.force_spinning_stop", "1");
        if (SharedInferencePool.Threads is not null) options.DisablePerSessionThreads();
        if (extraOutputs.Length == 0) return new InferenceSession(path, options);
        return new InferenceSession(ModelGraph.WithFloatOutputs(File.ReadAllBytes(path), extraOutputs), options);
    }

    private static string Verify(ModelSpec spec, string path)
    {
        if (!File.Exists(path)) throw new ModelUnavailableException(spec, path, "file not found");
        string actual;
        using (var stream = File.OpenRead(path)) actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(actual, spec.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelUnavailableException(spec, path, $"sha256 mismatch (found {actual})");
        return path;
    }
}
