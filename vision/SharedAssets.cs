namespace SmartStore.Vision;

/// <summary>
/// Finds the team's shared folder (models and evaluation data live outside the repo, never copied in).
/// The repo root is the first ancestor holding SmartStore.sln; before the solution exists, an ancestor
/// whose ../shared has both models/ and data/ counts too, so tools work from any build output folder.
/// </summary>
public static class SharedAssets
{
    public const string ModelsVariable = "SMARTSTORE_MODELS";
    public const string DataVariable = "SMARTSTORE_DATA";

    public static string? FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmartStore.sln"))) return dir.FullName;
                var shared = Path.Combine(dir.FullName, "..", "shared");
                if (Directory.Exists(Path.Combine(shared, "models")) && Directory.Exists(Path.Combine(shared, "data")))
                    return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>SMARTSTORE_MODELS first (deployments), then ../shared/models next to the repo root.</summary>
    public static string ModelsDirectory() => Resolve(ModelsVariable, "models");

    /// <summary>SMARTSTORE_DATA first, then ../shared/data next to the repo root.</summary>
    public static string DataDirectory() => Resolve(DataVariable, "data");

    private static string Resolve(string variable, string leaf)
    {
        var fromEnv = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        var root = FindRepoRoot() ?? throw new DirectoryNotFoundException(
            $"Cannot find the SmartStore repo root (SmartStore.sln) above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'; set {variable}.");
        return Path.GetFullPath(Path.Combine(root, "..", "shared", leaf));
    }
}
