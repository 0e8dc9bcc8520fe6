using System.Text.Json;
using SmartStore.Models;
using SmartStore.Vision.Shelves;

namespace SmartStore.Web.Api;

/// <summary>The display-recognition request: a JPEG, raw or as the "image" part of a form with an optional "layout" part (JSON slots in pixels).</summary>
public static class DisplayRequest
{
    public sealed record LayoutSlot(string? SlotId, string? PlannedSku, int? X, int? Y, int? Width, int? Height);

    public static async Task<(byte[]? Jpeg, IReadOnlyList<PlanogramSlot>? Layout, IResult? Problem)> Read(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            var (raw, _, problem) = await JpegCheck.ReadBody(request, cancellationToken);
            return (raw, null, problem);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return (null, null, Results.Problem(statusCode: 400, title: "Bad form", detail: $"The multipart body cannot be read: {e.Message}"));
        }
        if (form.Files.GetFile("image") is not { } image)
            return (null, null, Results.Problem(statusCode: 400, title: "No image", detail: "The form needs an 'image' part (JPEG)."));
        if (image.Length > JpegCheck.MaxBytes)
            return (null, null, Results.Problem(statusCode: 413, title: "Image too large", detail: $"The image is larger than {JpegCheck.MaxBytes / 1024 / 1024} MB."));
        using var buffer = new MemoryStream();
        await image.CopyToAsync(buffer, cancellationToken);
        var jpeg = buffer.ToArray();
        var check = JpegCheck.Inspect(jpeg);
        if (!check.Ok) return (null, null, Results.Problem(statusCode: 400, title: "Not a usable JPEG", detail: check.Problem));
        if (form["layout"].ToString() is not { Length: > 0 } text) return (jpeg, null, null);
        var (slots, layoutProblem) = ParseLayout(text, check.Width, check.Height);
        return layoutProblem is null ? (jpeg, slots, null) : (null, null, layoutProblem);
    }

    private static (IReadOnlyList<PlanogramSlot>? Slots, IResult? Problem) ParseLayout(string text, int width, int height)
    {
        List<LayoutSlot?>? slots;
        try
        {
            slots = JsonSerializer.Deserialize<List<LayoutSlot?>>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException e)
        {
            return (null, Results.Problem(statusCode: 400, title: "Bad layout", detail: $"layout is not a JSON array of slots: {e.Message}"));
        }
        var errors = new FieldErrors();
        var result = new List<ShelfSlot>();
        foreach (var (s, i) in (slots ?? []).Select((s, i) => (s, i)))
        {
            if (s is null || string.IsNullOrWhiteSpace(s.SlotId) || s.X is null || s.Y is null || s.Width is not > 3 || s.Height is not > 3)
                errors.Add($"layout[{i}]", "every slot needs slotId, x, y, width and height (at least 4 px).");
            else result.Add(new ShelfSlot(s.SlotId!, s.PlannedSku, new SlotRect(s.X.Value, s.Y.Value, s.Width.Value, s.Height.Value)));
        }
        if (!errors.Any)
        {
            try { _ = new Planogram(width, height, result); }
            catch (ArgumentException e) { errors.Add("layout", e.Message.Split(" (Parameter")[0]); }
        }
        return errors.Any ? (null, errors.ToResult())
            : (result.Select(r => new PlanogramSlot(r.SlotId, r.PlannedSku, r.Rect.X, r.Rect.Y, r.Rect.Width, r.Rect.Height)).ToList(), null);
    }
}
