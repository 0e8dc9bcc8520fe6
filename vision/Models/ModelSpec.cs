namespace SmartStore.Vision.Models;

/// <summary>One model file as the catalogue knows it: where it sits under the models folder, its digest and origin.</summary>
/// <param name="LicenceCaveat">why the licence, though stated, is not yet settled for shipping; null when it is.</param>
public sealed record ModelSpec(string Name, string Folder, string FileName, string Sha256, string Source, string Licence, string? LicenceCaveat = null)
{
    public string RelativePath => Path.Combine(Folder, FileName);
}
