using SmartStore.Vision.Models;

namespace SmartStore.Vision.Reid;

/// <summary>0287 separates people more clearly than the smaller 0288 (PROVENANCE.md), so it is the default.</summary>
public sealed record ReidOptions
{
    public ModelSpec Model { get; init; } = ModelCatalogue.PersonReid0287;
    public InferenceThreads Threads { get; init; } = new(2, 1);
}
