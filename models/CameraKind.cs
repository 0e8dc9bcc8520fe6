namespace SmartStore.Models;

/// <summary>
/// What a camera is for: a fixed bullet camera facing the entrance (counts crossings of its door line), a PTZ
/// dome patrolling shelves, or a fixed camera looking into the shop floor (counts who is inside).
/// </summary>
public enum CameraKind
{
    Entrance = 0,
    Shelf = 1,
    Interior = 2,
}

public static class CameraKindNames
{
    public static string ToCode(this CameraKind kind) => kind switch
    {
        CameraKind.Entrance => "entrance",
        CameraKind.Shelf => "shelf",
        _ => "interior",
    };

    public static bool TryParse(string? code, out CameraKind kind)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "entrance": kind = CameraKind.Entrance; return true;
            case "shelf": kind = CameraKind.Shelf; return true;
            case "interior": kind = CameraKind.Interior; return true;
            default: kind = CameraKind.Entrance; return false;
        }
    }
}
