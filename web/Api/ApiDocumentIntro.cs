using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SmartStore.Web.Security;

namespace SmartStore.Web.Api;

/// <summary>
/// What an integrator reads first in <c>/openapi/v1.json</c>: how to authenticate (an API key, as the security scheme
/// every operation asks for, except the few open ones), how errors, times and pages read. The operations' own words are
/// their <c>WithSummary</c>; a test keeps every operation summarised.
/// </summary>
public sealed class ApiDocumentIntro : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string KeyScheme = ApiKeyAuthentication.SchemeName, BearerScheme = "ApiKeyAsBearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = "SmartStore API", Version = "v1", Description = Description };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [KeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthentication.Header,
                Description = "A key an HQ admin issued (POST /api/api-keys); it acts with the role and stores it was issued for.",
            },
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "The same key as Authorization: Bearer ssk_… (for tools that can only send that header).",
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
        ];
        return Task.CompletedTask;
    }

    /// <summary>Open operations (health, a camera's heartbeat, the language switch) say they need no key.</summary>
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()) operation.Security = [];
        return Task.CompletedTask;
    }

    private const string Description = """
        The API behind SmartStore's pages: master data (stores, cameras, SKUs, regions, accounts), foot traffic, shelf
        display, inspections, till trace, alerts and the recognition APIs.

        * **Authentication**: send an API key in the `X-Api-Key` header (or as `Authorization: Bearer ssk_…`). An HQ admin
          issues keys (`POST /api/api-keys`), each with a role and, for a region or store role, its regions or stores: a
          key sees and changes what an account of that role would. A signed-in browser session works too.
        * **Errors** are `application/problem+json` whose `detail` says what was wrong and how to put it right; a body's
          field errors come as `errors`, by field. 400 bad input, 401 no or unknown key, 403 outside the key's role or
          stores, 404 no such record, 409 a conflict with the data (a code in use, a record others refer to), 412 a
          record changed since the `ETag` sent as `If-Match`, 413 an upload over its limit, 429 over the recognition
          APIs' rate. Any operation may answer 503 with `Retry-After` while the analysis service (silo) or the database
          is not answering (a restart, a deploy): the request was fine — send it again after the seconds it says.
        * **Times** are UTC in ISO 8601; days (`day`, `from`, `to`) are store-local dates, `yyyy-MM-dd`.
        * **Lists** take `page` (from 1) and `pageSize` where they say so; exports (`…/export`, `….xlsx`) return a whole
          Excel workbook.
        """;
}
