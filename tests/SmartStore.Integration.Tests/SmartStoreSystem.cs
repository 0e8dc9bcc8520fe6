using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartStore.Silo;
using SmartStore.Storage;
using SmartStore.Testing;

namespace SmartStore.Integration.Tests;

/// <summary>
/// The whole system on real parts for one test run: a migrated PostgreSQL database seeded with the
/// demo chain, a silo clustered through that database, and the web app on Kestrel as an Orleans client.
/// </summary>
public sealed class SmartStoreSystem : IAsyncLifetime
{
    private IHost? _silo;
    private WebWithSignInClock? _web;
    private DirectoryInfo? _home;

    public TestDatabase Database { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Passwords { get; private set; } = new Dictionary<string, string>();
    public SecretsFile Secrets { get; private set; } = null!;
    public int FtpPort { get; private set; }
    public Uri IngestAddress { get; private set; } = null!;
    public string ImagesRoot => Path.Combine(_home!.FullName, "images");
    /// <summary>The mail server email endpoints send through.</summary>
    public MailReceiver Mail { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.Create();
        _home = Directory.CreateTempSubdirectory("smartstore-test-");
        Secrets = new SecretsFile(Path.Combine(_home.FullName, "secrets.json"));
        var logins = await new DemoChain(Database.Database, Secrets, _ => { }).Seed();
        Passwords = logins.ToDictionary(l => l.Username, l => l.Password);

        _silo = SiloHost.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SMARTSTORE_PG"] = Database.ConnectionString,
            ["SMARTSTORE_HOME"] = _home.FullName,
            ["SMARTSTORE_SILO_PORT"] = Loopback.FreePort().ToString(),
            ["SMARTSTORE_GATEWAY_PORT"] = Loopback.FreePort().ToString(),
            ["CameraLiveness:OfflineAfter"] = "00:00:02",
            // An in-store camera's last frames are counted once it has been quiet this long (2 minutes as shipped).
            ["Headcount:MaxGap"] = "00:00:03",
            ["Closure:MinQuiet"] = "00:00:30",
            // The plain rule (the whole day's rate, 1 in 100), so a test's handful of reports can raise it; `bench closure` measures the defaults.
            ["Closure:Chance"] = "0.01",
            ["Closure:RateShare"] = "1",
            ["Ftp:Port"] = (FtpPort = Loopback.FreePort()).ToString(),
            ["SMARTSTORE_INGEST_URL"] = (IngestAddress = new Uri($"http://127.0.0.1:{Loopback.FreePort()}")).ToString(),
            ["Ftp:PassivePortFirst"] = "21500",
            ["Ftp:PassivePortLast"] = "21599",
            ["Ftp:IdleTimeout"] = "00:00:02",
            ["Ftp:MaxLoginFailures"] = "5",
            ["CameraLiveness:CheckEvery"] = "00:00:00.250",
            ["Analysis:ModelsCheckEvery"] = "00:00:00.500",
        }), services => services.AddSingleton(provider =>
            new SmartStore.Silo.Ftp.LoginLockout(provider.GetRequiredService<IOptions<SmartStore.Silo.Ingest.FtpOptions>>(), LockoutClock)));
        await _silo.StartAsync();

        // The web host reads its settings before the factory could inject any, so they go in as environment.
        Environment.SetEnvironmentVariable("SMARTSTORE_PG", Database.ConnectionString);
        Environment.SetEnvironmentVariable("SMARTSTORE_HOME", _home.FullName);
        // A changed account ends its sessions at the next request (a chain waits at most a minute).
        Environment.SetEnvironmentVariable("SignIn__RecheckEvery", "00:00:00");
        Environment.SetEnvironmentVariable("VisionApi__PermitsPerMinute", "6");
        // Webhooks sent within a fifth of a second and retried after one (2 s and 30 s as shipped).
        Environment.SetEnvironmentVariable("Webhooks__PollEvery", "00:00:00.200");
        Environment.SetEnvironmentVariable("Webhooks__RetryAfter", "00:00:00.500");
        Environment.SetEnvironmentVariable("Webhooks__MaxAttempts", "3");
        // Messages link to the pages they are about at the address people open SmartStore at (none as shipped).
        Environment.SetEnvironmentVariable("Webhooks__PublicUrl", WebhookTests.PublicUrl + "/");
        // Managers' group robots are the test's receivers on loopback (WeCom and DingTalk as shipped).
        Environment.SetEnvironmentVariable("Webhooks__RobotHosts", "qyapi.weixin.qq.com,oapi.dingtalk.com,127.0.0.1");
        // Daily reports only when a test writes them (09:00 as shipped): a report arriving mid-test would upset counts.
        Environment.SetEnvironmentVariable("Webhooks__DailyReportAt", "1.00:00:00");
        // Email endpoints send through the test's own mail server, in the clear (no STARTTLS offered there).
        Environment.SetEnvironmentVariable("Mail__Host", "127.0.0.1");
        Environment.SetEnvironmentVariable("Mail__Port", Mail.Port.ToString());
        Environment.SetEnvironmentVariable("Mail__From", "SmartStore 智慧门店 <smartstore@shop.test>");
        // Passed deadlines looked for five times a second (every minute as shipped).
        Environment.SetEnvironmentVariable("Todos__CheckEvery", "00:00:00.200");
        var port = Loopback.FreePort();
        // The sign-in throttle on a clock the lockout test moves on, not a lockout short enough to wait out: a busy machine
        // took longer than a 2 s lockout between the fifth wrong password and the next try.
        _web = new WebWithSignInClock(SignInClock);
        _web.UseKestrel(port);
        _web.StartServer();
        BaseAddress = new Uri($"http://localhost:{port}");
    }

    public async Task DisposeAsync()
    {
        if (_web is not null) await _web.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
        await Database.DisposeAsync();
        await Mail.DisposeAsync();
        _home?.Delete(recursive: true);
    }

    /// <summary>The sign-in throttle's clock (locked out for 5 minutes, as shipped, until a test moves it on).</summary>
    public ManualClock SignInClock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The FTP login lockout's clock, likewise.</summary>
    public ManualClock LockoutClock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The web host's services (a test runs a scheduled job now instead of waiting for its hour).</summary>
    public IServiceProvider WebServices => _web!.Services;

    /// <summary>The silo's grains, as the web host's Orleans client sees them.</summary>
    public IGrainFactory Grains => _web!.Services.GetRequiredService<IClusterClient>();

    public string CameraSecret(string cameraCode) => Secrets.Load()[$"camera:{cameraCode}"]!.GetValue<string>();

    /// <summary>An HTTP client with its own cookie jar, not signed in.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>Signs in through the real login form (antiforgery token included) and returns the cookie-carrying client.</summary>
    public Task<HttpClient> SignedIn(string username) => SignedIn(username, Passwords[username]);

    /// <summary>Signs in an account a test created, with the password it was given.</summary>
    public async Task<HttpClient> SignedIn(string username, string password)
    {
        var client = Anonymous();
        var response = await PageForms.PostForm(client, "/login", "/login", new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {username} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The web host as shipped but for the sign-in throttle's clock.</summary>
    private sealed class WebWithSignInClock(TimeProvider signInClock) : WebApplicationFactory<SmartStore.Web.WebSettings>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton(provider => new SmartStore.Web.Security.SignInThrottle(
                provider.GetRequiredService<IOptions<SmartStore.Web.Security.SignInThrottleOptions>>(), signInClock)));
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SmartStoreSystem>
{
    public const string Name = "smartstore system";
}
