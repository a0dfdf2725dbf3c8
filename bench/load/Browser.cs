using System.Net;
using System.Text.RegularExpressions;

namespace LoadBench;

/// Signs in through the real pages (password, then the authenticator code for staff) and keeps the
/// cookies by hand: outside Development they are Secure, which HttpClient would not send back over
/// the plain-HTTP loopback the bench uses (a TLS proxy stands in front in production).
public sealed partial class Browser(string baseUrl) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    /// The Cookie header this browser sends (wrk sends the same one).
    public string CookieHeader => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields)
    {
        var page = await GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path}: {(int)page.StatusCode}");
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"GET {path}: no antiforgery token");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader);
        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var header in set)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=');
                if (eq <= 0) continue;
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
                else cookies[name] = value;
            }
        return response;
    }

    public async Task SignInAsync(string email, string password, Func<string> code)
    {
        var response = await PostFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.StartsWith("/compte/connexion/code", StringComparison.OrdinalIgnoreCase))
            response = await PostFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = code() });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString.StartsWith("/compte/", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
    }

    /// The page as the bench will load it: must be a 200 (not a redirect to the sign-in page).
    public async Task<string> CheckAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => http.Dispose();
}
