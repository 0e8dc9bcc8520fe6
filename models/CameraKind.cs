namespace SmartStore.Models;

/// <summary>What a camera is for: a fixed bullet camera facing the entrance, or a PTZ dome patrolling shelves.</summary>
public enum CameraKind
{
    Entrance = 0,
    Shelf = 1,
}

public static class CameraKindNames
{
    public static string ToCode(this CameraKind kind) => kind == CameraKind.Entrance ? "entrance" : "shelf";

    public static bool TryParse(string? code, out CameraKind kind)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "entrance": kind = CameraKind.Entrance; return true;
            case "shelf": kind = CameraKind.Shelf; return true;
            default: kind = CameraKind.Entrance; return false;
        }
    }
}
