using System.Text.Json;

namespace SmartStore.Storage;

/// <summary>JSON settings for jsonb columns: camelCase, the same shape the REST API shows.</summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
