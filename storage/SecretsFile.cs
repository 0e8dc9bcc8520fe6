using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartStore.Storage;

/// <summary>
/// <c>.smartstore/secrets.json</c>: secrets generated on first run (admin password, demo camera
/// secrets). Never committed; readable only by the owner.
/// </summary>
public sealed class SecretsFile(string path)
{
    public string Path { get; } = path;

    public JsonObject Load() =>
        File.Exists(Path) ? JsonNode.Parse(File.ReadAllText(Path)) as JsonObject ?? new JsonObject() : new JsonObject();

    /// <summary>Returns the secret stored under <paramref name="key"/>, generating and saving it on first use.</summary>
    public string GetOrCreate(string key, Func<string> generate)
    {
        var secrets = Load();
        if (secrets[key]?.GetValue<string>() is { Length: > 0 } existing) return existing;
        var value = generate();
        secrets[key] = value;
        Save(secrets);
        return value;
    }

    public void Save(JsonObject secrets)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temp = Path + ".tmp";
        File.WriteAllText(temp, secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, Path, overwrite: true);
    }
}
