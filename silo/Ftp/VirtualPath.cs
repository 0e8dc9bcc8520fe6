namespace SmartStore.Silo.Ftp;

/// <summary>
/// The directory tree a camera sees is virtual: CWD and MKD only change a string, and nothing a camera
/// sends becomes a filesystem path. Names with NUL or control bytes, backslashes or ".." are refused,
/// so path tricks are answered, logged and counted rather than silently normalised.
/// </summary>
public static class VirtualPath
{
    public const int MaxLength = 255;

    /// <summary>The new working directory, or null when <paramref name="argument"/> is not acceptable.</summary>
    public static string? ChangeDirectory(string current, string argument)
    {
        if (argument == "..") return Parent(current);
        if (!IsClean(argument)) return null;
        var combined = argument.StartsWith('/') ? argument : current.TrimEnd('/') + "/" + argument;
        var segments = combined.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".");
        return "/" + string.Join('/', segments);
    }

    public static string Parent(string current)
    {
        var cut = current.TrimEnd('/').LastIndexOf('/');
        return cut <= 0 ? "/" : current[..cut];
    }

    /// <summary>A name a camera may STOR under: relative, clean, at most 255 characters.</summary>
    public static bool IsUploadName(string name) => name.Length > 0 && !name.StartsWith('/') && IsClean(name) && !name.EndsWith('/');

    private static bool IsClean(string path) =>
        path.Length is > 0 and <= MaxLength
        && !path.Any(c => char.IsControl(c) || c == '\\')
        && !path.Split('/').Contains("..");
}
