using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SmartStore.Web.Api;

/// <summary>
/// A string is a string in the OpenAPI document: <see cref="TextWithoutNul"/>, the converter every JSON string goes
/// through, hides that from the schema generator, which then typed every string field and parameter as anything (<c>{}</c>).
/// </summary>
public sealed class TextWithoutNulSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        return Task.CompletedTask;
    }
}
