using SkiaSharp;

namespace SmartStore.Vision.Faces;

/// <summary>A plug-in age/gender model. Implementations own their session and must say Unknown when unsure.</summary>
public interface IFaceAttributeModel : IDisposable
{
    string Name { get; }
    FaceAttributeEstimate Estimate(SKBitmap frame, FaceBox face);
}
