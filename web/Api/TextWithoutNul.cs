using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartStore.Web.Api;

/// <summary>
/// Refuses a JSON string holding U+0000: PostgreSQL cannot store it in text, so a name or code with one failed as a
/// server error at the write (found by sending every body of the OpenAPI document with odd strings), not as the
/// caller's mistake it is.
/// </summary>
public sealed class TextWithoutNul : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && text.Contains('\0'))
            throw new JsonException("Text may not hold the NUL character (\\u0000).");
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
