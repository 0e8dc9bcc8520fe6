using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// How an edit of a versioned record (a store's profile, a camera, a SKU, an account) went, as the page and the API both answer it.
/// </summary>
/// <param name="Saved">The record as saved; null when refused (<see cref="Errors"/>), not found, or changed meanwhile.</param>
/// <param name="ChangedMeanwhile">The record changed after the edit began (another admin, a sheet): saving would have overwritten that.</param>
/// <param name="Meanwhile">Who made the last change and when, and what changed since the version the edit was made against, to say so.</param>
/// <param name="Revision">The record's version as saved, for the next change.</param>
public sealed record VersionedSave<T>(T? Saved, FieldErrors Errors, bool Found, bool ChangedMeanwhile = false, AuditTrail.Meanwhile? Meanwhile = null,
    long? Revision = null) where T : class
{
    public AuditTrail.Entry? LastChange => Meanwhile?.Last;

    /// <summary>How a validated record's save went (<paramref name="saving"/>, the version it is at); changed meanwhile, what changed is read.</summary>
    public static async Task<VersionedSave<T>> Of(T record, Saving saving, long? revision, Func<Task<AuditTrail.Meanwhile>> meanwhile) => saving switch
    {
        Saving.NotFound => new(null, new FieldErrors(), false),
        Saving.ChangedMeanwhile => new(null, new FieldErrors(), true, ChangedMeanwhile: true, await meanwhile()),
        _ => new(record, new FieldErrors(), true, Revision: revision),
    };

    /// <summary>
    /// The API's answer: 404, 412 naming who changed it and what, the refusal's fields, or the record as <paramref name="shown"/>
    /// with its new version as the ETag — an integrator's next change can be sent against it without reading it again.
    /// </summary>
    /// <param name="name">How the record is named ("Store 'S0001'").</param>
    public IResult Answer(string name, HttpResponse response, Func<T, object> shown)
    {
        if (!Found) return Problems.NotFound(name);
        if (ChangedMeanwhile) return VersionTags.ChangedMeanwhile(name, Meanwhile);
        if (Saved is null) return Errors.ToResult();
        if (Revision is { } saved) response.Headers.ETag = VersionTags.Of(saved);
        return Results.Ok(shown(Saved));
    }
}
