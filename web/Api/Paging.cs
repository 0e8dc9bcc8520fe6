namespace SmartStore.Web.Api;

/// <summary>Page number and size from the query string, checked.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static bool TryRead(int? page, int? pageSize, out int number, out int size, out IResult? error)
    {
        number = page ?? 1;
        size = pageSize ?? 20;
        error = null;
        if (number < 1 || size < 1 || size > MaxPageSize)
        {
            error = Results.Problem(statusCode: 400, title: "Bad paging",
                detail: $"page must be ≥ 1 and pageSize 1..{MaxPageSize} (got page={number}, pageSize={size}).");
            return false;
        }
        return true;
    }
}

/// <summary>Problem answers with a sentence that says what is wrong.</summary>
public static class Problems
{
    public static IResult NotFound(string what) => Results.Problem(statusCode: 404, title: "Not found", detail: $"{what} does not exist.");

    public static IResult OutOfScope(string what) =>
        Results.Problem(statusCode: 403, title: "Outside your scope", detail: $"{what} is outside the regions or stores your account may see.");

    public static IResult NotYourRole(string what) =>
        Results.Problem(statusCode: 403, title: "Not your role", detail: $"Your role may not {what}.");
}
