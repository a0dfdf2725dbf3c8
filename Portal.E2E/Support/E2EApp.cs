using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Portal.E2E.Pages.Compte;
using Portal.Testing;

namespace Portal.E2E.Support;

/// The real site on Kestrel at 127.0.0.1 with a fresh SQLite database and demo accounts, a real
/// SMTP server (maildev) and Debian's Chromium driven by Playwright.
public sealed class E2EApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;
    private string dataDir = "";

    public MailDev Mail { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    /// The running site's services, for tests that prepare data the way another screen leaves it.
    public IServiceProvider Services => (factory ?? throw new InvalidOperationException("Not started.")).Services;
    public string Artifacts { get; } = Environment.GetEnvironmentVariable("E2E_ARTIFACTS") is { Length: > 0 } a
        ? a : Path.Combine(AppContext.BaseDirectory, "e2e-artifacts");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        await Mail.StartAsync();
        dataDir = Directory.CreateTempSubdirectory("portal-e2e-").FullName;
        var port = MailDev.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(dataDir, "portal.db")}");
            b.UseSetting("Demo:Seed", "true");
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", Mail.SmtpPort.ToString());
            b.UseSetting("Smtp:Security", "None");
            b.UseSetting("Portal:PublicBaseUrl", BaseUrl);
            b.UseSetting("DataProtection:KeysDirectory", Path.Combine(dataDir, "keys"));
            // Every browser of the run comes from 127.0.0.1 and the demo accounts sign in again and again.
            foreach (var limit in new[] { "SignInPerIp", "SignInPerAccount", "EmailPerIp", "CancellationPerIp" })
                b.UseSetting($"RateLimiting:{limit}:Permits", "100000");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } c ? c : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// Console errors seen since the current test began.
    public static ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public async Task<IPage> NewPageAsync(bool phone = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            AcceptDownloads = true,
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(15_000);
        // Every console error on every page this context opens fails the test (see FailOnConsoleErrors):
        // a blocked inline style, a script error, a missing asset. The status of a page itself
        // (a 404 a test asks for) is the test's business, not an error of the page.
        context.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            if (message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && message.Page is { } p && (message.Location == p.Url || message.Location.StartsWith(p.Url + ":", StringComparison.Ordinal))) return;
            ConsoleErrors.Enqueue($"{message.Page?.Url}: {message.Text}");
        };
        context.WebError += (_, error) => ConsoleErrors.Enqueue($"uncaught: {error.Error}");
        return await context.NewPageAsync();
    }

    /// Runs axe-core on the page as it is, keeps a full-page screenshot, and fails on any serious or
    /// critical violation, listing them.
    public async Task CheckPageAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe();
        var bad = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(bad.Count == 0, $"axe-core on {name} ({page.Url}):\n" + string.Join("\n", bad));
    }

    public async Task SignInAsync(IPage page, string email, string password)
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(email, password);
        try
        {
            // The address changing is the answer (Commit): waiting for the next page's load as well
            // made a slow first start look like a refused sign-in, and the code step was skipped.
            await page.WaitForURLAsync(u => !new Uri(u).AbsolutePath.Equals("/compte/connexion", StringComparison.OrdinalIgnoreCase),
                new() { Timeout = 10_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            return; // refused: the test looks at the page
        }
        if (new Uri(page.Url).AbsolutePath.Equals("/compte/connexion/code", StringComparison.OrdinalIgnoreCase))
            await EnterCodeAsync(page, email);
    }

    /// The second step of a staff sign-in: the code the account's authenticator shows now.
    public async Task EnterCodeAsync(IPage page, string email)
    {
        await new SignInCodePage(page).EnterAsync(await CodeForAsync(email));
        try
        {
            await page.WaitForURLAsync(u => !new Uri(u).AbsolutePath.StartsWith("/compte/connexion", StringComparison.OrdinalIgnoreCase),
                new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, $"code-refused-{email}.png"), FullPage = true });
            throw new InvalidOperationException($"The code step of {email} did not end at {DateTime.UtcNow:O}: {page.Url}\n{await page.Locator("main").InnerTextAsync()}");
        }
    }

    public async Task<string> CodeForAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator");
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
    }

    /// Creates an account through the sign-up form and confirms it from the email, as a person would.
    public async Task SignUpAsync(IPage page, string email, string fullName, string password)
    {
        var signUp = new SignUpPage(page);
        await signUp.GotoAsync();
        await signUp.FillAsync(fullName, email, password, password);
        await signUp.AcceptTermsAsync();
        await signUp.SubmitAsync();
        var mail = await Mail.WaitForAsync(email);
        await page.GotoAsync(MailDev.LinkIn(mail, "/compte/confirmer"));
        await SignInAsync(page, email, password);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        await Mail.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
[FailOnConsoleErrors]
public sealed class E2ECollection : ICollectionFixture<E2EApp>
{
    public const string Name = "E2E";
}

/// Fails a test when any page it drove logged a console error (the content security policy's
/// refusals included), listing them.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FailOnConsoleErrorsAttribute : Xunit.Sdk.BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => E2EApp.ConsoleErrors.Clear();

    public override void After(MethodInfo methodUnderTest)
    {
        var errors = new List<string>();
        while (E2EApp.ConsoleErrors.TryDequeue(out var e)) errors.Add(e);
        if (errors.Count > 0)
            throw new Xunit.Sdk.XunitException($"{errors.Count} console error(s) in {methodUnderTest.Name}:\n" + string.Join("\n", errors.Distinct().Take(20)));
    }
}
