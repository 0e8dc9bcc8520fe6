using SkiaSharp;

namespace SmartStore.Vision.Faces;

/// <summary>
/// Age band / gender per face through whichever model configuration names. No age/gender model with a
/// commercial licence is available today, so the unconfigured state is the normal one: every answer is
/// Unknown, never a guess that would skew a store's customer profile.
/// </summary>
public sealed class FaceAttributes : IDisposable
{
    private static readonly Dictionary<string, Func<FaceAttributeOptions, IFaceAttributeModel>> Registry = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lock RegistryLock = new();
    private readonly FaceAttributeOptions options;
    private readonly IFaceAttributeModel? model;
    private readonly string unknownReason;

    public FaceAttributes(FaceAttributeOptions? options = null)
    {
        this.options = options ??= new FaceAttributeOptions();
        if (options.Model is null) { unknownReason = "no face-attribute model configured"; return; }
        Func<FaceAttributeOptions, IFaceAttributeModel>? factory;
        lock (RegistryLock) Registry.TryGetValue(options.Model, out factory);
        if (factory is null)
            throw new InvalidOperationException($"Face-attribute model '{options.Model}' is configured but no plug-in is registered under that name.");
        model = factory(options);
        unknownReason = $"{model.Name}: below confidence {options.MinConfidence}";
    }

    /// <summary>Makes a model available by name (called by the host at startup, e.g. from a plug-in assembly).</summary>
    public static void Register(string name, Func<FaceAttributeOptions, IFaceAttributeModel> factory)
    {
        lock (RegistryLock) Registry[name] = factory;
    }

    public bool HasModel => model is not null;

    public FaceAttributeEstimate Estimate(SKBitmap frame, FaceBox face)
    {
        if (model is null) return FaceAttributeEstimate.Unknown(unknownReason);
        var estimate = model.Estimate(frame, face);
        return estimate.Confidence >= options.MinConfidence ? estimate : FaceAttributeEstimate.Unknown(unknownReason);
    }

    public void Dispose() => model?.Dispose();
}
