namespace SmartStore.Testing;

/// <summary>Finds the repository root and <c>../shared</c> (models and evaluation images) from any test's bin folder.</summary>
public static class SharedData
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartStore.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("SmartStore.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
}
