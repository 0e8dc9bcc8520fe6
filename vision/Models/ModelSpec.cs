namespace SmartStore.Vision.Models;

/// <summary>One model file as the catalogue knows it: where it sits under the models folder, its digest and origin.</summary>
public sealed record ModelSpec(string Name, string Folder, string FileName, string Sha256, string Source, string Licence)
{
    public string RelativePath => Path.Combine(Folder, FileName);
}
