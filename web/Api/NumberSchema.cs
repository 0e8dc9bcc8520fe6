using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartStore.Web.Api;

/// <summary>
/// A number is a number in the OpenAPI document. The API also reads a number sent as a JSON string (the web's default,
/// kept so a sheet-fed integration sending "12" is not refused), and the schema generator wrote that as integer-or-string
/// with a digits pattern — 456 places, so every count in a generated client became a union of a number and a string.
/// The document now says what the API answers and what a caller should send: the number.
/// </summary>
public sealed class NumberSchema : IOpenApiSchemaTransformer
{
    private const JsonSchemaType Numeric = JsonSchemaType.Integer | JsonSchemaType.Number;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
