using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure;
using Portal.Testing;

namespace Portal.Tests.Infrastructure;

/// HTTPS, HSTS, the trusted proxies, the auth cookie and the life of emailed tokens.
[Collection(PortalCollection.Name)]
public class TransportTests(PortalApp app)
{
    [Fact]
    public async Task The_auth_cookie_is_secure_and_http_only_outside_Development()
    {
        // Over plain HTTP: a cookie marked Secure only when the request is (SameAsRequest) would not be.
        var plain = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        plain.DefaultRequestHeaders.Add(ClientAddressFilter.Header, PortalApp.NextAddress());
        var response = await Forms.PostAsync(plain, "/compte/connexion", new() { ["Input.Email"] = PortalApp.Resident2, ["Input.Password"] = PortalApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("passerelle.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Reset_and_confirmation_links_live_one_hour_and_invitations_three_days()
    {
        Assert.Equal(TimeSpan.FromHours(1), app.Factory.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);
        Assert.Equal(TimeSpan.FromDays(3), app.Factory.Services.GetRequiredService<IOptions<InvitationTokenProviderOptions>>().Value.TokenLifespan);
    }

    [Fact]
    public async Task An_invited_staff_member_sets_a_password_from_the_link_and_signs_in()
    {
        var admin = await app.SignedInAsync(PortalApp.Admin);
        var email = $"invite-{Guid.NewGuid():N}@exemple.fr";
        await Forms.PostAsync(admin, "/admin/utilisateurs", new()
        {
            ["Invite.FullName"] = "Inès Invitée", ["Invite.Email"] = email, ["Invite.Role"] = "Manager", ["Invite.TeamId"] = "",
        }, handler: "Invite");
        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("valable 3 jours", mail.Text);
        var link = new Uri(MailDev.LinkIn(mail, "/compte/nouveau-mot-de-passe")).PathAndQuery;
        Assert.Contains("invitation=true", link);

        // The same token without the invitation flag is no reset token.
        var asReset = await Forms.PostAsync(app.Client(), link.Replace("&invitation=true", ""), new() { ["Input.Password"] = "Un-Nouveau-Depart-2026", ["Input.ConfirmPassword"] = "Un-Nouveau-Depart-2026" });
        Assert.Equal(HttpStatusCode.OK, asReset.StatusCode);

        var set = await Forms.PostAsync(app.Client(), link, new() { ["Input.Password"] = "Un-Nouveau-Depart-2026", ["Input.ConfirmPassword"] = "Un-Nouveau-Depart-2026" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, "Un-Nouveau-Depart-2026"));
    }

    private static async Task<WebApplication> SiteAsync(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPortalTransport(builder.Configuration);
        var site = builder.Build();
        // The test's stand-in for the TCP peer.
        site.Use((ctx, next) =>
        {
            if (IPAddress.TryParse(ctx.Request.Headers["X-Peer"].ToString(), out var peer)) ctx.Connection.RemoteIpAddress = peer;
            return next(ctx);
        });
        site.UsePortalTransport(site.Configuration, site.Environment);
        site.Run(ctx => ctx.Response.WriteAsync($"{ctx.Connection.RemoteIpAddress}|{ctx.Request.Scheme}"));
        await site.StartAsync();
        return site;
    }

    [Fact]
    public async Task Outside_Development_without_a_proxy_the_site_redirects_to_HTTPS_and_sends_HSTS()
    {
        await using var site = await SiteAsync("Production", new() { ["https_port"] = "443" });
        var client = site.GetTestClient();

        var plain = await client.GetAsync("http://passerelle.example/espace");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://passerelle.example/espace", plain.Headers.Location!.ToString());

        var secure = await client.GetAsync("https://passerelle.example/espace");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("Development", null)]
    [InlineData("Testing", null)]
    [InlineData("Production", "true")]
    public async Task In_Development_in_Testing_and_behind_a_proxy_the_site_leaves_HTTPS_to_others(string environment, string? behindProxy)
    {
        await using var site = await SiteAsync(environment, new() { ["https_port"] = "443", ["Portal:BehindProxy"] = behindProxy });

        var plain = await site.GetTestClient().GetAsync("http://passerelle.example/espace");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static async Task<string> SeenAsync(HttpClient client, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://passerelle.example/");
        request.Headers.Add("X-Peer", peer);
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await (await client.SendAsync(request)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Behind_a_proxy_forwarded_headers_are_believed_from_loopback_by_default_and_from_no_one_else()
    {
        await using var site = await SiteAsync("Production", new() { ["Portal:BehindProxy"] = "true" });
        var client = site.GetTestClient();

        Assert.Equal("198.51.100.7|https", await SeenAsync(client, "127.0.0.1"));
        Assert.Equal("203.0.113.9|http", await SeenAsync(client, "203.0.113.9"));
        Assert.Equal("10.1.2.3|http", await SeenAsync(client, "10.1.2.3"));
    }

    [Fact]
    public async Task Behind_a_proxy_the_configured_proxies_and_networks_are_believed()
    {
        await using var site = await SiteAsync("Production", new()
        {
            ["Portal:BehindProxy"] = "true",
            ["Portal:KnownNetworks:0"] = "10.0.0.0/8",
            ["Portal:KnownProxies:0"] = "192.0.2.10",
        });
        var client = site.GetTestClient();

        Assert.Equal("198.51.100.7|https", await SeenAsync(client, "10.1.2.3"));
        Assert.Equal("198.51.100.7|https", await SeenAsync(client, "192.0.2.10"));
        Assert.Equal("203.0.113.9|http", await SeenAsync(client, "203.0.113.9"));
    }
}
