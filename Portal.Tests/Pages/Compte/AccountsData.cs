using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Testing;

namespace Portal.Tests.Pages.Compte;

public static class AccountsData
{
    /// A confirmed account of the given role, with no second factor.
    public static async Task<string> NewAccountAsync(this PortalApp app, string role)
    {
        var email = $"compte-{Guid.NewGuid():N}@exemple.fr";
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "Camille Essai",
            TeamId = role == Roles.SocialWorker ? await db.Teams.Where(t => t.Name == "Nord").Select(t => (int?)t.Id).SingleAsync() : null,
            CreatedAtUtc = DateTime.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, PortalApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// Signs in with the password only (no second step) and returns the client.
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> PasswordOnlyAsync(this PortalApp app, string email, string password = PortalApp.Password)
    {
        var client = app.Client();
        var response = await Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        return (client, response);
    }

    /// The auth cookie of a signed-in client, as an attacker who copied it would send it.
    public static async Task<string> AuthCookieAsync(this PortalApp app, string email)
    {
        // A client that keeps no cookies of its own: we collect them by hand.
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>();
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Dictionary<string, string>? form = null)
        {
            var request = new HttpRequestMessage(method, url);
            if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            if (form is not null) request.Content = new FormUrlEncodedContent(form);
            var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                foreach (var c in cookies)
                {
                    var pair = c.Split(';')[0];
                    var eq = pair.IndexOf('=');
                    jar[pair[..eq]] = pair[(eq + 1)..];
                }
            return response;
        }
        async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
        {
            var page = await SendAsync(HttpMethod.Get, url);
            return await SendAsync(HttpMethod.Post, url, new(fields) { ["__RequestVerificationToken"] = Forms.Token(await page.HtmlAsync()) });
        }
        var signIn = await PostFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = PortalApp.Password });
        if (signIn.Headers.Location?.OriginalString.StartsWith("/compte/connexion/code") == true)
            signIn = await PostFormAsync(signIn.Headers.Location.OriginalString, new() { ["Code"] = await app.CodeForAsync(email) });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return "passerelle.auth=" + jar["passerelle.auth"];
    }

    /// What a request carrying only that cookie gets.
    public static async Task<HttpResponseMessage> ReplayAsync(this PortalApp app, string cookie, string url)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public static bool IsSignInRedirect(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/compte/connexion", StringComparison.OrdinalIgnoreCase);
}
