using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Infrastructure;

namespace Portal.Testing;

/// The real site on a fresh database (SQLite file or PostgreSQL), with demo accounts, sending its
/// email to a real SMTP server (maildev). One per test run: Hangfire keeps global state, so the
/// integration tests share this host and run one after another.
public sealed partial class PortalApp : IAsyncLifetime
{
    public MailDev Mail { get; } = new();
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

    public async Task InitializeAsync()
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
        });
        // Starts the host: migrations, seed, Hangfire server.
        using var _ = Factory.CreateClient();
    }

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public AsyncServiceScope Scope() => Factory.Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        var client = Client();
        await SignInAsync(client, email, password);
        return client;
    }

    /// Signs a client in through the sign-in page (this host's, or a child process's: ChildSite).
    public static async Task SignInAsync(HttpClient client, string email, string password = Password)
    {
        var response = await Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalApp>
{
    public const string Name = "Portal";
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
