namespace SmartStore.Vision.Models;

/// <summary>Raised at startup when a model file is missing or is not the file we measured.</summary>
public sealed class ModelUnavailableException(ModelSpec spec, string path, string problem)
    : Exception($"Model '{spec.Name}' unusable: {problem}. File: {path}. Expected sha256: {spec.Sha256}. Source: {spec.Source}. " +
                $"Set {SharedAssets.ModelsVariable} to a folder holding {spec.RelativePath}.")
{
    public ModelSpec Spec { get; } = spec;
    public string FilePath { get; } = path;
}
