using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// How an edit of a versioned record (a store's profile, an account) went, as the page and the API both answer it.
/// </summary>
/// <param name="Saved">The record as saved; null when refused (<see cref="Errors"/>), not found, or changed meanwhile.</param>
/// <param name="ChangedMeanwhile">The record changed after the edit began (another admin, a sheet): saving would have overwritten that.</param>
/// <param name="LastChange">Who made the last change and when, to say so.</param>
/// <param name="Revision">The record's version as saved, for the next change.</param>
public sealed record VersionedSave<T>(T? Saved, FieldErrors Errors, bool Found, bool ChangedMeanwhile = false, AuditTrail.Entry? LastChange = null,
    long? Revision = null) where T : class
{
    /// <summary>
    /// The API's answer: 404, 412 naming who changed it, the refusal's fields, or the record as <paramref name="shown"/>
    /// with its new version as the ETag — an integrator's next change can be sent against it without reading it again.
    /// </summary>
    /// <param name="name">How the record is named ("Store 'S0001'").</param>
    public IResult Answer(string name, HttpResponse response, Func<T, object> shown)
    {
        if (!Found) return Problems.NotFound(name);
        if (ChangedMeanwhile) return VersionTags.ChangedMeanwhile(name, LastChange);
        if (Saved is null) return Errors.ToResult();
        if (Revision is { } saved) response.Headers.ETag = VersionTags.Of(saved);
        return Results.Ok(shown(Saved));
    }
}
