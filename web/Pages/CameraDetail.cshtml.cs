using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartStore.GrainInterfaces;
using SmartStore.Models;
using SmartStore.Storage;
using SmartStore.Web.Api;
using SmartStore.Web.Security;
using static SmartStore.Web.Localization.UiText;

namespace SmartStore.Web.Pages;

/// <summary>One camera: its master data, its live status from the camera grain, and (HQ admins) its details, store binding and secret.</summary>
public sealed class CameraDetailModel(CameraRepository cameras, StoreRepository stores, RegionRepository regions,
    MasterDataValidation validation, SnapshotRepository snapshots, CameraDrawings drawings, CameraViews views,
    CameraIncidents incidents, ReportCalendar calendar, PlanogramRepository planograms, AuditDesk audit, IClusterClient cluster) : PageModel
{
    /// <summary>The camera's latest offline spells and view faults (设备运维), and its offline time over the last week.</summary>
    public IReadOnlyList<CameraIncidents.Incident> Incidents { get; private set; } = [];
    public CameraIncidents.Outages WeekOffline { get; private set; } = new(0, TimeSpan.Zero);
    public const int IncidentsShown = 20;

    [FromRoute] public string Code { get; set; } = "";

    public Camera Camera { get; private set; } = null!;
    public Store? Store { get; private set; }
    public Region? Region { get; private set; }
    public CameraStatus Status { get; private set; } = null!;
    public CameraIngestion Ingestion { get; private set; } = null!;
    public IReadOnlyList<SnapshotRepository.Snapshot> Recent { get; private set; } = [];
    /// <summary>In-store cameras: the newest analysed frame and the people in it, drawn under the counting area.</summary>
    public (SnapshotRepository.Snapshot Snapshot, FoundPeople Found)? NewestAnalysed { get; private set; }
    public IReadOnlyList<Store> StoreChoices { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<string> DoorLineErrors { get; private set; } = [];
    public IReadOnlyList<string> CountingAreaErrors { get; private set; } = [];
    public string? Notice { get; private set; }
    /// <summary>Fixed cameras: the view faults raised now, and the reference view they are judged against.</summary>
    public IReadOnlyList<ActiveViewFault> ViewFaults { get; private set; } = [];
    public CameraViews.Reference? ViewReference { get; private set; }
    public bool IsFixed => Camera.Kind is CameraKind.Entrance or CameraKind.Interior;
    /// <summary>Shelf domes: each preset's planogram, and those of presets since taken off the patrol (set aside, not counted).</summary>
    public IReadOnlyList<PresetPlanogram> Planograms { get; private set; } = [];
    public IEnumerable<PresetPlanogram> SetAside => Planograms.Where(p => !p.InPlan);
    /// <summary>The zone the camera's times are told in: its store's, as the store edit says it, or head office's when unbound.</summary>
    public string TimeZone => Store?.TimeZone ?? calendar.ZoneId;
    public SecretShown? Shown { get; private set; }
    public bool MayEdit => User.Scope().MayEditMasterData;

    /// <summary>The camera's latest changes (its details, door line, counting area, planograms …) with what each changed.</summary>
    public RecentChanges RecentChanges { get; private set; } = null!;

    public async Task<IActionResult> OnGet() => await Load() ?? Page();

    /// <summary>设备资料: brand, model and (shelf domes) patrol cadence and presets, as the page showed them or as typed.</summary>
    [BindProperty] public CameraForm? Details { get; set; }
    /// <summary>The camera's version the details form was filled from: saved only while the camera is still at it.</summary>
    [BindProperty] public long? Revision { get; set; }
    public IReadOnlyList<string> DetailErrors { get; private set; } = [];
    /// <summary>Set when the details were changed meanwhile (a sheet, another admin): who, when, what they are now, each field typed otherwise.</summary>
    public TypedBesideNow.Notice? ChangedMeanwhile { get; private set; }
    public string? Mark(string field) => TypedBesideNow.Mark(ChangedMeanwhile?.Clashes ?? TypedBesideNow.None, field);

    /// <summary>
    /// Saves the camera's details (its kind, store, drawings and till are changed elsewhere). Refused when the camera changed
    /// after the page was opened: what was typed stays in the form, the notice says who changed what, and saving again
    /// saves over it knowingly.
    /// </summary>
    public Task<IActionResult> OnPostDetails()
    {
        // As posted: loading the camera (below) fills the form and its version from the camera as it is now.
        var (typed, opened) = (Details ?? new CameraForm(), Revision);
        return Edit(async () =>
        {
            (typed.Code, typed.Kind, typed.StoreCode) = (Code, Camera.Kind.ToCode(), Camera.StoreCode);
            var (input, problems) = typed.ToInput();
            var (camera, errors) = await validation.Camera(input, Code, User.Scope());
            if (problems.Count > 0 || camera is null) return Kept(typed, opened, [.. problems, .. errors.Localized]);
            var (saving, _, _) = await cameras.Update(camera, User.Actor(), opened);
            if (saving == Saving.NotFound) return NotFound();
            if (saving == Saving.ChangedMeanwhile)
            {
                var last = (await cameras.ChangesSince(Code, opened)).Last;
                var now = CameraForm.Of(Camera);
                var at = last is null ? "" : Display.Local(last.At, TimeZone, "MM-dd HH:mm:ss");
                var said = string.Format(T("cameraChangedMeanwhile"), last?.Actor ?? "?", at,
                    $"{now.Brand} {now.Model}".Trim(), now.PatrolCadenceMinutes, (now.Presets ?? "").Replace('\n', '；'));
                ChangedMeanwhile = new("camera-changed-meanwhile", said, TypedBesideNow.Differing(new("Brand", T("brand"), typed.Brand, now.Brand),
                    new("Model", T("model"), typed.Model, now.Model),
                    new("PatrolCadenceMinutes", T("cadence"), typed.PatrolCadenceMinutes?.ToString(), now.PatrolCadenceMinutes?.ToString()),
                    new("Presets", T("presets"), typed.Presets, now.Presets)));
                // Told what changed, the person may save again: against the version they have now been shown.
                return Kept(typed, Revision, []);
            }
            var setAsideBefore = SetAside.Select(p => p.Preset).ToHashSet();
            await cluster.GetGrain<ICameraGrain>(Code).RefreshProfile();
            await Done(T("cameraDetailsSaved"));
            // A preset taken off the patrol keeps its planogram, set aside: the notice says so rather than letting it vanish.
            var setAsideNow = SetAside.Where(p => !setAsideBefore.Contains(p.Preset)).ToList();
            if (setAsideNow.Count > 0)
                Notice += " " + string.Format(T("planogramsSetAside"), string.Join("、", setAsideNow.Select(p => p.Preset)),
                    setAsideNow.Sum(p => p.Slots.Count));
            return Page();
        });
    }

    /// <summary>Discards the planogram of a preset no longer on the patrol (one still on it is changed on its preset's page).</summary>
    public Task<IActionResult> OnPostDiscardPlanogram(int preset) => Edit(async () =>
    {
        if (SetAside.All(p => p.Preset != preset)) return NotFound();
        await planograms.Delete(Code, preset, User.Actor());
        return await Done(string.Format(T("planogramDiscarded"), preset));
    });

    /// <summary>The page with the details form as typed, still against <paramref name="revision"/>.</summary>
    private IActionResult Kept(CameraForm typed, long? revision, IReadOnlyList<string> errors)
    {
        (Details, Revision, DetailErrors) = (typed, revision, errors);
        return Page();
    }

    public async Task<IActionResult> OnPostBind(string? storeCode)
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        var input = new CameraInput(Camera.Code, Camera.Kind.ToCode(), Camera.Brand, Camera.Model,
            string.IsNullOrWhiteSpace(storeCode) ? null : storeCode.Trim(), Camera.PatrolCadenceMinutes, Camera.Presets);
        var (camera, errors) = await validation.Camera(input, Code, User.Scope());
        if (camera is null)
        {
            Errors = errors.Localized;
            return Page();
        }
        if ((await cameras.Update(camera, User.Actor())).Outcome == Saving.NotFound) return NotFound();
        // The grain caches its binding; tell it master data changed, as the API does.
        await cluster.GetGrain<ICameraGrain>(Code).RefreshProfile();
        await Load();
        Notice = camera.StoreCode is null ? T("unboundDone") : string.Format(T("boundDone"), camera.StoreCode);
        return Page();
    }

    /// <summary>Saves the door line drawn on the latest image (fractions of the frame, inside point on the store's side).</summary>
    public Task<IActionResult> OnPostDoorLine(float ax, float ay, float bx, float by, float insideX, float insideY) => Edit(async () =>
        Saved(await drawings.SaveDoorLine(Camera, new DoorLine(ax, ay, bx, by, insideX, insideY), User.Actor()), e => DoorLineErrors = e) ??
        await Done(T("doorLineSaved")));

    public Task<IActionResult> OnPostClearDoorLine() => Edit(async () =>
    {
        await drawings.ClearDoorLine(Code, User.Actor());
        return await Done(T("doorLineCleared"));
    });

    /// <summary>Saves the counting area drawn on the latest image: its corners as "x,y" fractions of the frame, space-separated.</summary>
    public Task<IActionResult> OnPostCountingArea(string? points) => Edit(async () =>
    {
        var errors = ParseCorners(points) is { } area ? await drawings.SaveCountingArea(Camera, area, User.Actor()) : Unreadable();
        return Saved(errors, e => CountingAreaErrors = e) ?? await Done(T("countingAreaSaved"));
    });

    private static FieldErrors Unreadable()
    {
        var errors = new FieldErrors();
        errors.Add("points", T("countingAreaUnreadable"));
        return errors;
    }

    public Task<IActionResult> OnPostClearCountingArea() => Edit(async () =>
    {
        await drawings.ClearCountingArea(Code, User.Actor());
        return await Done(T("countingAreaCleared"));
    });

    /// <summary>
    /// Marks the in-store camera as watching a till (收银追溯 holds the store's receipts against its pictures) — which one when
    /// the store's POS names several — or not.
    /// </summary>
    public Task<IActionResult> OnPostWatchesTill(bool watches, string? till) => Edit(async () =>
        Saved(await drawings.SaveWatchesTill(Camera, watches, till, User.Actor()), e => Errors = e) ??
        await Done(T(watches ? "watchesTillSaved" : "watchesTillCleared")));

    /// <summary>After a deliberate re-aim: the next snapshot becomes the reference view, and faults against the old one clear.</summary>
    public Task<IActionResult> OnPostRetakeView() => Edit(async () =>
    {
        await views.Forget(Code, User.Actor());
        await cluster.GetGrain<ICameraGrain>(Code).ViewReferenceTaken();
        return await Done(T("viewRetaken"));
    });

    /// <summary>An admin's change to a camera it may see: refused otherwise; the camera is loaded before the change runs.</summary>
    private async Task<IActionResult> Edit(Func<Task<IActionResult>> change)
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        return await change();
    }

    /// <summary>The page again with the form's errors shown where <paramref name="show"/> puts them; null when there are none.</summary>
    private IActionResult? Saved(FieldErrors errors, Action<IReadOnlyList<string>> show)
    {
        if (!errors.Any) return null;
        show(errors.Localized);
        return Page();
    }

    /// <summary>The page as it is after a change, with a notice saying what was done.</summary>
    private async Task<IActionResult> Done(string notice)
    {
        await Load();
        Notice = notice;
        return Page();
    }

    private static FoundPeople ReadPeople(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("people", out _) ? FoundPeople.Read(document.RootElement) : new FoundPeople(null, [], null);
    }

    private static CountingArea? ParseCorners(string? points)
    {
        var corners = new List<AreaPoint>();
        foreach (var corner in (points ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var xy = corner.Split(',');
            if (xy.Length != 2 || !float.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !float.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)) return null;
            corners.Add(new AreaPoint(x, y));
        }
        return new CountingArea(corners);
    }

    public async Task<IActionResult> OnPostRotate()
    {
        if (!MayEdit) return Forbid();
        if (await Load() is { } refused) return refused;
        var secret = await cameras.RotateSecret(Code, User.Actor());
        if (secret is null) return NotFound();
        Shown = new SecretShown(string.Format(T("secretRotated"), Code), Code, secret);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>Loads the camera; a refusal (404, or 403 outside the viewer's scope) when it may not be shown.</summary>
    private async Task<IActionResult?> Load()
    {
        if (await cameras.FindWithRevision(Code) is not var (camera, revision)) return NotFound();
        Camera = camera;
        // The details form is filled from the camera as read, with the version it was read at; a refused save keeps what was typed.
        Details = CameraForm.Of(camera);
        Revision = revision;
        Store = camera.StoreCode is null ? null : await stores.Find(camera.StoreCode);
        var scope = User.Scope();
        if (!scope.SeesWholeChain && (Store is null || !scope.AllowsStore(Store.Code, Store.RegionCode))) return Forbid();
        Region = Store is null ? null : await regions.Find(Store.RegionCode);
        var grain = cluster.GetGrain<ICameraGrain>(Code);
        Status = await grain.GetStatus();
        Ingestion = await grain.GetIngestion();
        Recent = await snapshots.Latest(Code, 8);
        Incidents = await incidents.Recent(Code, IncidentsShown);
        WeekOffline = await incidents.Offline(Code, DateTime.UtcNow.AddDays(-7), DateTime.UtcNow);
        // Any camera can be frozen (its picture stuck); only fixed ones are checked against a reference view.
        ViewFaults = await grain.GetViewFaults();
        if (IsFixed) ViewReference = await views.Find(Code);
        if (camera.Kind == CameraKind.Shelf) Planograms = await planograms.ForCamera(Code);
        if (camera.Kind == CameraKind.Interior && await snapshots.LatestAnalysed(Code) is ({ } shot, { } json)) NewestAnalysed = (shot, ReadPeople(json));
        if (MayEdit) StoreChoices = (await stores.List(scope, null, null, null, 1, 10_000)).Items;
        RecentChanges = await Pages.RecentChanges.Of(audit, "camera", Code, TimeZone, MayEdit);
        return null;
    }
}
