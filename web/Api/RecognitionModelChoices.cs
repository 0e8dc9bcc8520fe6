using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Vision.Models;

namespace SmartStore.Web.Api;

/// <summary>
/// Which model each camera kind runs, joined with the vision library's catalogue: licence, origin,
/// pinned sha256 and whether the file on this host is present and verified.
/// </summary>
public sealed class RecognitionModelChoices(RecognitionModels assignments, ILogger<RecognitionModelChoices> logger)
{
    private static readonly Dictionary<CameraKind, string[]> Allowed = new()
    {
        [CameraKind.Entrance] = [ModelCatalogue.RtmDetNanoPerson.Name, ModelCatalogue.NanoDetM416.Name, ModelCatalogue.NanoDetPlusM416.Name, ModelCatalogue.YoloxNano.Name],
        [CameraKind.Shelf] = [ModelCatalogue.MobileNetV2Features.Name],
        [CameraKind.Interior] = [ModelCatalogue.RtmDetNanoPerson.Name, ModelCatalogue.NanoDetM416.Name, ModelCatalogue.NanoDetPlusM416.Name, ModelCatalogue.YoloxNano.Name],
    };

    private readonly Lazy<ModelStore?> _store = new(() =>
    {
        try { return ModelStore.Locate(); }
        catch (DirectoryNotFoundException) { return null; }
    });

    public sealed record Choice(string CameraKind, string ModelName, DateTime UpdatedAt, IReadOnlyList<string> Allowed,
        string? Licence, string? LicenceCaveat, string? Source, string? Sha256, string Availability);

    public async Task<IReadOnlyList<Choice>> List()
    {
        var rows = await assignments.List();
        return rows.Select(a =>
        {
            CameraKindNames.TryParse(a.CameraKind, out var kind);
            var spec = ModelCatalogue.All.FirstOrDefault(m => m.Name == a.ModelName);
            return new Choice(a.CameraKind, a.ModelName, a.UpdatedAt, Allowed[kind], spec?.Licence, spec?.LicenceCaveat, spec?.Source, spec?.Sha256, Availability(spec));
        }).ToList();
    }

    /// <summary>Null when the model may run on that kind of camera, else the reason it may not.</summary>
    public static string? Refusal(string cameraKind, string? modelName)
    {
        if (!CameraKindNames.TryParse(cameraKind, out var kind)) return $"camera kind '{cameraKind}' must be 'entrance', 'shelf' or 'interior'.";
        return modelName is not null && Allowed[kind].Contains(modelName)
            ? null
            : $"model '{modelName}' cannot run on {cameraKind} cameras; choose one of {string.Join(", ", Allowed[kind])}.";
    }

    private string Availability(ModelSpec? spec)
    {
        if (spec is null) return "not in the catalogue";
        if (_store.Value is not { } store) return "models folder not found (set SMARTSTORE_MODELS)";
        try
        {
            store.Resolve(spec);
            return "verified";
        }
        catch (ModelUnavailableException e)
        {
            logger.LogWarning("Model {Model} unavailable: {Reason}", spec.Name, e.Message);
            return e.Message;
        }
    }
}
