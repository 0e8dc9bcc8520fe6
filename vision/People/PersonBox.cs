namespace SmartStore.Vision.People;

/// <summary>A detected person in frame pixels (corners), with the detector's confidence.</summary>
public readonly record struct PersonBox(float X1, float Y1, float X2, float Y2, float Score)
{
    public float Width => X2 - X1;
    public float Height => Y2 - Y1;
    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public float Intersection(in PersonBox o) =>
        Math.Max(0, Math.Min(X2, o.X2) - Math.Max(X1, o.X1)) * Math.Max(0, Math.Min(Y2, o.Y2) - Math.Max(Y1, o.Y1));

    public float IoU(in PersonBox o)
    {
        var i = Intersection(o);
        return i <= 0 ? 0 : i / (Area + o.Area - i);
    }

    /// <summary>Intersection over the smaller box: catches a half-person box sitting inside a whole-person box.</summary>
    public float IoMin(in PersonBox o)
    {
        var i = Intersection(o);
        return i <= 0 ? 0 : i / Math.Max(1e-6f, Math.Min(Area, o.Area));
    }
}
