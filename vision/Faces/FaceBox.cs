namespace SmartStore.Vision.Faces;

/// <summary>A detected face in frame pixels.</summary>
public readonly record struct FaceBox(float X1, float Y1, float X2, float Y2, float Score);
