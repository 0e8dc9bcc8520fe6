using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Localization;
using SmartStore.Storage;
using SmartStore.Web;
using SmartStore.Web.Alerts;
using SmartStore.Web.Analysis;
using SmartStore.Web.Api;
using SmartStore.Web.Live;
using SmartStore.Web.Localization;
using SmartStore.Web.Navigation;
using SmartStore.Web.Pages;
using SmartStore.Web.Security;
using SmartStore.Web.Todos;
using SmartStore.Web.Usage;

var builder = WebApplication.CreateBuilder(args);
var settings = WebSettings.From(builder.Configuration);

builder.AddSmartStoreClusterClient(settings.ConnectionString);
// Chinese pages carry their words as UTF-8, not as one &#x…; entity per character: the HQ board of 2,000 stores was
// 3 MB, half of it entities. HTML's own special characters are still encoded.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddSingleton(new SmartStoreDatabase(settings.ConnectionString));
builder.Services.AddSingleton<RegionRepository>();
builder.Services.AddSingleton<StoreRepository>();
builder.Services.AddSingleton<CameraRepository>();
builder.Services.AddSingleton<SkuRepository>();
builder.Services.AddSingleton<DictionaryRepository>();
builder.Services.AddSingleton<UserAccounts>();
builder.Services.AddSingleton<ApiKeys>();
builder.Services.AddSingleton<RecognitionModels>();
builder.Services.AddSingleton<RecognitionModelChoices>();
builder.Services.AddSingleton<SnapshotRepository>();
builder.Services.AddSingleton<CameraViews>();
builder.Services.AddSingleton<CameraVisibility>();
builder.Services.AddSingleton<CameraScope>();
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton<MasterDataValidation>();
builder.Services.AddSingleton<StoreImport>();
builder.Services.AddSingleton<SpecialHoursImport>();
builder.Services.AddSingleton<CameraImport>();
builder.Services.AddSingleton<AccountImport>();
builder.Services.AddSingleton<SkuImport>();
builder.Services.AddSingleton<ShelfCompetitors>();
builder.Services.AddSingleton<TrafficReport>();
// Every report reads a store's traffic days by the same rule for a door camera's blind spells (门店对标's setting).
builder.Services.AddSingleton(services => new StoreTotals(services.GetRequiredService<SmartStoreDatabase>(),
    services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreBenchmarkOptions>>().Value.MaxDoorBlindShare));
builder.Services.AddSingleton<StoreClosures>();
builder.Services.AddSingleton<ShelfAlertSpells>();
builder.Services.AddSingleton<ScopeSummaries>();
builder.Services.AddSingleton<StoreReceipts>();
builder.Services.AddSingleton<TillReceipts>();
builder.Services.AddSingleton<TillDesk>();
builder.Services.AddSingleton<StaffCardDesk>();
builder.Services.AddSingleton<TillDays>();
builder.Services.AddSingleton<TillEvidence>();
builder.Services.AddSingleton<TillReviews>();
builder.Services.AddSingleton<TillReviewDesk>();
builder.Services.AddSingleton<StaffCards>();
builder.Services.AddSingleton<TillDayKeeper>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<TillDayKeeper>());
builder.Services.Configure<TillTraceOptions>(builder.Configuration.GetSection("Till"));
builder.Services.AddSingleton<InspectionTasks>();
builder.Services.AddSingleton<InspectionCaptures>();
builder.Services.AddSingleton<StoreTodos>();
builder.Services.AddSingleton<StoreReachCheck>();
builder.Services.AddSingleton<InspectionPlanning>();
builder.Services.AddSingleton<StoreShifts>();
builder.Services.AddSingleton<StoreMonths>();
builder.Services.AddSingleton<Campaigns>();
builder.Services.AddSingleton<CityWeather>();
builder.Services.AddSingleton<CampaignPlanning>();
builder.Services.AddSingleton<TodoDesk>();
builder.Services.Configure<TodoOptions>(builder.Configuration.GetSection("Todos"));
builder.Services.AddHostedService<TodoOverdueWatch>();
builder.Services.AddSingleton<StoreProfileDesk>();
builder.Services.AddSingleton<StoreLifecycleDesk>();
builder.Services.AddSingleton<SpecialHoursDesk>();
builder.Services.AddSingleton<AccountDesk>();
builder.Services.AddSingleton<CameraIncidents>();
builder.Services.AddSingleton<CameraReliabilityReport>();
builder.Services.AddSingleton<Webhooks>();
builder.Services.AddSingleton<OperationsGauges>();
builder.Services.AddSingleton<SignInLog>();
builder.Services.AddSingleton<ChainMenuSettings>();
builder.Services.AddSingleton<ChainMenu>();
builder.Services.AddSingleton<MenuDesk>();
builder.Services.AddSingleton<StorageFootprint>();
builder.Services.AddSingleton<StorageReport>();
builder.Services.AddSingleton<AccountDays>();
builder.Services.AddSingleton<PageViewCounter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<PageViewCounter>());
builder.Services.AddSingleton<UsageDesk>();
builder.Services.AddSingleton<LogRetention>();
builder.Services.AddSingleton(LogKeeping.From(builder.Configuration));
builder.Services.AddHostedService<LogUpkeep>();
builder.Services.AddSingleton<WebhookDesk>();
builder.Services.AddSingleton<AuditDesk>();
builder.Services.AddSingleton<SignInDesk>();
builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
builder.Services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
builder.Services.AddSingleton<WebhookSender>();
builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
builder.Services.AddSingleton<MailSender>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
builder.Services.AddSingleton<DailyReports>();
builder.Services.AddSingleton<DailyReportWriter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DailyReportWriter>());
builder.Services.AddSingleton<ApiKeyUsage>();
builder.Services.AddHostedService(services => services.GetRequiredService<ApiKeyUsage>());
builder.Services.AddSingleton<CampaignEffectQuery>();
builder.Services.AddSingleton<StoreAnalysisQuery>();
builder.Services.Configure<StaffingOptions>(builder.Configuration.GetSection("Staffing"));
builder.Services.Configure<PosOptions>(builder.Configuration.GetSection("Pos"));
builder.Services.Configure<StoreBenchmarkOptions>(builder.Configuration.GetSection("StoreBenchmark"));
builder.Services.AddSingleton<ReportCalendar>();
builder.Services.AddSingleton<TrafficRepository>();
builder.Services.AddSingleton<StaffRoster>();
builder.Services.AddSingleton<StaffEnrolment>();
builder.Services.AddSingleton<CameraDrawings>();
builder.Services.AddSingleton<PlanogramRepository>();
builder.Services.AddSingleton<PlanogramEditor>();
builder.Services.AddSingleton<ShelfHistory>();
builder.Services.AddVisionApiRateLimit(builder.Configuration);

builder.Services.AddSmartStoreAuthentication();
builder.Services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection("SignIn"));
builder.Services.Configure<AccountSessionOptions>(builder.Configuration.GetSection("SignIn"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SignInThrottle>();
builder.Services.AddRazorPages().AddMvcOptions(o => o.Filters.Add(new SmartStore.Web.Pages.PostWithoutHandler()));
builder.Services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
builder.Services.AddSingleton<LiveRelay>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveRelay>());
builder.Services.AddOpenApi(o =>
{
    o.AddDocumentTransformer<ApiDocumentIntro>();
    o.AddOperationTransformer<ApiDocumentIntro>();
    o.AddSchemaTransformer<TextWithoutNulSchema>();
    o.AddSchemaTransformer<NumberSchema>();
    o.CreateSchemaReferenceId = SchemaNames.Of;
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiErrorHandler>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    ConfigureJson(o.SerializerOptions);
    // A misspelt field must not be silently ignored: the caller would think it was saved.
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.Converters.Add(new TextWithoutNul());
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// A phone on a shop's 4G and a board listing 2,000 stores: pages, scripts and JSON compress ten to twenty times.
builder.Services.AddResponseCompression(o => o.MimeTypes =
    Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Append("application/problem+json"));

var app = builder.Build();

// First: whatever reads the client's address or the scheme (sign-ins, the cookie's Secure flag) reads the proxy's word.
app.UseReverseProxy(app.Configuration);
app.UseResponseCompression();
app.UseBrowserPolicy(app.Configuration);
// Pages answer 403/404/400 with a page that says so, and an error the exception handler below leaves bodiless (a page's
// 500 or 503) too; the API keeps its problem+json answers.
app.UseWhen(context => !AuthenticationSetup.IsApi(context.Request),
    pages => pages.UseStatusCodePagesWithReExecute(StatusPage.Path));
app.UseExceptionHandler();
app.UseQueryWithoutNul();
app.UseStaticFiles();
// Routing after the status-code pages, so their re-executed request is routed to the status page.
app.UseRouting();
app.UseRequestLocalization(new RequestLocalizationOptions()
    .SetDefaultCulture(UiText.Chinese)
    .AddSupportedCultures(UiText.Cultures)
    .AddSupportedUICultures(UiText.Cultures));
app.UseAuthentication();
app.UseAuthorization();
app.UseMenuGate();
app.UseRateLimiter();
// 系统使用情况: each page shown to a signed-in person is counted once it has been answered.
app.Use(async (context, next) =>
{
    await next(context);
    context.RequestServices.GetRequiredService<PageViewCounter>().Observe(context);
});

app.MapOpenApi().AllowAnonymous();
app.MapHealth();
app.MapMetrics();
app.MapGroup("/api").DeclareProblems().MapSpecialHours().MapStores().MapImports().MapCameras().MapSkus().MapAdministration().MapLogs().MapAccounts().MapDevices().MapLive().MapSnapshots().MapTraffic().MapStaff().MapVision().MapShelves().MapReceipts().MapTill().MapStaffCards().MapInspections().MapStoreAnalysis().MapCampaigns().MapWeather().MapWebhooks().MapUsage().MapMenus();
app.MapHub<LiveHub>(LiveHub.Path);
app.MapRazorPages();
app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
{
    var culture = UiText.Cultures.Contains(name) ? name : UiText.Chinese;
    context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax });
    return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
}).WithSummary("Switches the pages' language (zh-CN or en) and goes back (no key needed)").AllowAnonymous();

app.Run();

static void ConfigureJson(JsonSerializerOptions options) =>
    options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
