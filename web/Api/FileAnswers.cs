namespace SmartStore.Web.Api;

/// <summary>
/// What the endpoints that answer a file declare in the OpenAPI document: the media type and a binary body, so a client
/// generated from it saves the bytes instead of parsing JSON.
/// </summary>
public static class FileAnswers
{
    public const string Jpeg = "image/jpeg";

    /// <summary>An .xlsx workbook.</summary>
    public static RouteHandlerBuilder ProducesWorkbook(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(Stream), Workbook.ContentType);

    /// <summary>A JPEG picture.</summary>
    public static RouteHandlerBuilder ProducesJpeg(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(Stream), Jpeg);

    /// <summary>Takes a JPEG as the request's body (a photo, a camera's picture); <see cref="ProblemAnswers"/> declares its 413 by it.</summary>
    public static RouteHandlerBuilder AcceptsJpeg(this RouteHandlerBuilder endpoint, params string[] alsoAccepted) =>
        endpoint.Accepts<byte[]>(Jpeg, alsoAccepted);
}
