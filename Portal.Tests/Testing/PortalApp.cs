using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Testing;

/// The real site on a fresh database (SQLite file or PostgreSQL), with demo accounts, sending its
/// email to a real SMTP server (maildev). One per test run: Hangfire keeps global state, so the
/// integration tests share this host and run one after another.
public sealed partial class PortalApp : IAsyncLifetime
{
    public MailDev Mail { get; private set; } = new();
    public TestDatabase Database { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public const string Password = Seeder.DemoPassword;
    /// Where the links of emails point in the tests; requests come to TestServer as "localhost".
    public const string PublicBaseUrl = "http://localhost";
    public const string Admin = "admin@demo.passerelle.fr";
    public const string Manager = "responsable@demo.passerelle.fr";
    public const string Worker1 = "travailleur1@demo.passerelle.fr";
    public const string Worker2 = "travailleur2@demo.passerelle.fr";
    public const string Resident1 = "resident1@demo.passerelle.fr";
    public const string Resident2 = "resident2@demo.passerelle.fr";

    /// Starts the site; a start that fails (a port taken between its choice and its use, a machine
    /// still busy installing) is tried again on fresh ports and a fresh database, and says why.
    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync();
                return;
            }
            catch (Exception e) when (attempt < 3)
            {
                Console.Error.WriteLine($"PortalApp: start attempt {attempt} failed, trying again: {e}");
                await StopAsync();
                Mail = new MailDev();
            }
        }
    }

    private async Task StartAsync()
    {
        await Mail.StartAsync();
        Database = await TestDatabase.CreateAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", Database.Provider);
            b.UseSetting($"ConnectionStrings:{Database.Provider}", Database.ConnectionString);
            b.UseSetting("Demo:Seed", "true");
            b.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", Mail.SmtpPort.ToString());
            b.UseSetting("Smtp:Security", "None");
            b.UseSetting("Smtp:TimeoutSeconds", "5");
            b.UseSetting("Hangfire:WorkerCount", "4");
            b.UseSetting("DataProtection:KeysDirectory", KeysDirectory);
            // The demo accounts sign in hundreds of times a run; every other limit stays as shipped,
            // each client coming from its own address (see Client()).
            b.UseSetting("RateLimiting:SignInPerAccount:Permits", "100000");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
        });
        // Starts the host: migrations, seed, Hangfire server.
        using var _ = Factory.CreateClient();
    }

    /// Where the generated data-protection certificate of this run is kept.
    public string KeysDirectory { get; } = Path.Combine(Path.GetTempPath(), $"passerelle-test-keys-{Guid.NewGuid():N}");

    private static int clients;

    /// A browser on its own address (as the rate limiter sees it), over HTTPS: the auth cookie is
    /// Secure outside Development.
    public HttpClient Client() => Client(NextAddress());

    public HttpClient Client(string address)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.Add(ClientAddressFilter.Header, address);
        return client;
    }

    public static string NextAddress()
    {
        var n = Interlocked.Increment(ref clients);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public AsyncServiceScope Scope() => Factory.Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// Signs in as a person would, second factor included: staff accounts made by a test get the
    /// demo authenticator key first (the demo accounts have it from the seeder), and the code is
    /// computed from the account's key.
    public async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        await EnsureStaffFactorAsync(email);
        var client = Client();
        await SignInAsync(client, email, password, CodeForAsync);
        return client;
    }

    /// Signs a client in through the sign-in page (this host's, or a child process's: ChildSite),
    /// with the code of the account's authenticator (by default the demo key the seeder gives staff).
    public static async Task SignInAsync(HttpClient client, string email, string password = Password, Func<string, Task<string>>? code = null)
    {
        var response = await Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/compte/connexion/code", StringComparison.OrdinalIgnoreCase))
            response = await Forms.PostAsync(client, response.Headers.Location.OriginalString, new() { ["Code"] = code is null ? Totp.Code(SecondFactor.DemoKey) : await code(email) });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString.StartsWith("/compte/", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode} {response.Headers.Location}");
    }

    /// Sets up an authenticator from the account's page as a person would: reads the key shown,
    /// types the code it gives. Returns the key and the recovery codes shown once.
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAuthenticatorAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/compte/securite/authentificateur")).HtmlAsync();
        var key = SharedKeyPattern().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        if (key.Length == 0) throw new InvalidOperationException("No key on the authenticator page");
        var done = await Forms.PostAsync(client, "/compte/securite/authentificateur", new() { ["Code"] = Totp.Code(key) });
        if (done.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException("Enrolment refused: " + await done.HtmlAsync());
        var codesPage = await (await client.GetAsync(done.Headers.Location!.OriginalString)).HtmlAsync();
        var codes = RecoveryCodePattern().Matches(codesPage).Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    [GeneratedRegex("data-shared-key>([^<]+)<")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();

    /// The current code of the account's authenticator.
    public async Task<string> CodeForAsync(string email)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator");
        return Totp.Code(key);
    }

    private async Task EnsureStaffFactorAsync(string email)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not { TwoFactorEnabled: false } user) return;
        if ((await users.GetRolesAsync(user)).Any(SecondFactor.IsStaffRole) && (await users.GetPasskeysAsync(user)).Count == 0)
            await SecondFactor.SetUpDemoAsync(users, user);
    }

    public Task DisposeAsync() => StopAsync();

    private async Task StopAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
        await Mail.DisposeAsync();
        try { Directory.Delete(KeysDirectory, recursive: true); } catch (IOException) { }
        Factory = null!;
        Database = null!;
    }
}

/// TestServer gives requests no remote address: the test clients say which one they stand for.
public sealed class ClientAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalApp>
{
    public const string Name = "Portal";
}

public static class Totp
{
    /// A code as an authenticator app shows it now (RFC 6238: SHA-1, 6 digits, 30 s).
    public static string Code(string base32Key) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow);
}

public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string html)
    {
        var m = TokenPattern().Match(html);
        if (!m.Success) throw new InvalidOperationException("No antiforgery token on the page");
        return m.Groups[1].Value;
    }

    /// Loads the page as a browser would, then posts its form with the page's antiforgery token.
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        if (!page.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url} answered {(int)page.StatusCode}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        var target = handler is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(form));
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// The page as read on screen: entities decoded (Razor encodes apostrophes and no-break spaces).
    public static async Task<string> TextAsync(this HttpResponseMessage response) => System.Net.WebUtility.HtmlDecode(await response.HtmlAsync());

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(200);
        }
    }
}
