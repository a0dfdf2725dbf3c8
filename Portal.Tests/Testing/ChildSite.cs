using System.Diagnostics;
using System.Net;
using System.Text;

namespace Portal.Testing;

/// The built site (Portal/bin/Release/net10.0/Portal.dll) running as a child process on its own
/// port, against a database given by the test, with the demo data: a real process that a test can
/// SIGKILL and start again on the same database.
public sealed class ChildSite : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string Name { get; }
    public bool IsRunning => process is { HasExited: false };

    public ChildSite(string name, TestDatabase database, int? smtpPort, bool worker = true, IDictionary<string, string>? settings = null)
    {
        Name = name;
        Port = MailDev.FreePort();
        environment = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Portal__PublicBaseUrl"] = BaseUrl,
            ["Database__Provider"] = database.Provider,
            [$"ConnectionStrings__{database.Provider}"] = database.ConnectionString,
            ["Demo__Seed"] = "true",
            ["Hangfire__Worker"] = worker ? "true" : "false",
            ["Hangfire__WorkerCount"] = "4",
            ["Logging__LogLevel__Default"] = "Warning",
            // Nodes of one database share the certificate that protects its data-protection keys,
            // as the nodes of one deployment would.
            ["DataProtection__KeysDirectory"] = Path.Combine(Path.GetTempPath(), "portal-child-keys",
                Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database.ConnectionString)))[..16]),
        };
        // Every client of the test comes from 127.0.0.1 and signs in or up many times.
        foreach (var limit in new[] { "SignInPerIp", "SignInPerAccount", "EmailPerIp", "CancellationPerIp" })
            environment[$"RateLimiting__{limit}__Permits"] = "100000";
        if (smtpPort is { } port)
        {
            environment["Smtp__Host"] = "127.0.0.1";
            environment["Smtp__Port"] = port.ToString();
            environment["Smtp__Security"] = "None";
            environment["Smtp__TimeoutSeconds"] = "5";
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) environment[k] = v;
    }

    public static string PortalDll
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
            var dll = Path.Combine(dir.FullName, "Portal", "bin", "Release", "net10.0", "Portal.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution in Release first.");
        }
    }

    /// Starts the process and waits until it answers /healthz (migrations and seed done).
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning) return;
        var dll = PortalDll;
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(BaseUrl);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}:\n{Output}");
            try
            {
                var r = await http.GetAsync($"{BaseUrl}/healthz");
                if (r.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not answer within the time allowed:\n{Output}");
    }

    /// SIGKILL: no shutdown, no flush, as a machine losing power would.
    public async Task KillAsync()
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        process = null;
    }

    public string Output
    {
        get { lock (output) return output.Length > 20_000 ? output.ToString(output.Length - 20_000, 20_000) : output.ToString(); }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// A browser of this site: cookies kept, redirects not followed. The site marks its cookies
    /// Secure outside Development; a child site speaks plain HTTP on loopback, so the client keeps
    /// them as a browser would for the same site behind TLS.
    public HttpClient Client(CookieContainer? cookies = null) => new(new TlsLikeCookies(cookies ?? new CookieContainer())
    {
        InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false },
    })
    {
        BaseAddress = new Uri(BaseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<HttpClient> SignedInAsync(string email, CookieContainer? cookies = null)
    {
        var client = Client(cookies);
        await PortalApp.SignInAsync(client, email);
        return client;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}

/// Keeps cookies for an http:// site as if it were https://, Secure ones included.
internal sealed class TlsLikeCookies(CookieContainer cookies) : DelegatingHandler
{
    private static Uri AsHttps(Uri uri) => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.Port }.Uri;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = AsHttps(request.RequestUri!);
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var value in set) cookies.SetCookies(uri, value);
        return response;
    }
}
