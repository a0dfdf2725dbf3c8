using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Accounts;
using Portal.Testing;
using Portal.Web;

namespace Portal.Tests.Infrastructure;

/// The sign-in and antiforgery cookies are decrypted once per cookie: what is kept must never be
/// shared between requests in a way one request could change, nor keep a bad cookie.
public class ReadCookieCacheTests
{
    private static readonly IDataProtectionProvider Keys = new EphemeralDataProtectionProvider();

    private static AuthenticationTicket Ticket(string userId)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, "Resident")], "Identity.Application");
        return new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(8) }, "Identity.Application");
    }

    [Fact]
    public void Each_read_of_a_sign_in_cookie_gets_its_own_copy_and_a_bad_cookie_is_refused_every_time()
    {
        var format = new CachedTicketFormat(new TicketDataFormat(Keys.CreateProtector("tickets")));
        var cookie = format.Protect(Ticket("u-1"));

        var first = format.Unprotect(cookie)!;
        first.Properties.ExpiresUtc = DateTimeOffset.UtcNow.AddDays(-1);
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Admin"));

        var second = format.Unprotect(cookie)!;
        Assert.Equal("u-1", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.False(second.Principal.IsInRole("Admin"));
        Assert.True(second.Properties.ExpiresUtc > DateTimeOffset.UtcNow);

        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? 'B' : 'A') + cookie[^3..];
        Assert.Null(format.Unprotect(tampered));
        Assert.Null(format.Unprotect(tampered));
        Assert.Equal("u-2", format.Unprotect(format.Protect(Ticket("u-2")))!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void An_antiforgery_cookie_decrypts_to_the_same_bytes_each_time_and_a_bad_one_never_decrypts()
    {
        var protector = new AntiforgeryCookieCache.CachingProtector(Keys.CreateProtector(AntiforgeryCookieCache.Purpose));
        var protectedBytes = protector.Protect([1, 2, 3, 4]);

        var first = protector.Unprotect(protectedBytes);
        first[0] = 99;
        Assert.Equal([1, 2, 3, 4], protector.Unprotect(protectedBytes));

        var tampered = (byte[])protectedBytes.Clone();
        tampered[^1] ^= 0x5A;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(tampered));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(tampered));
    }
}

[Collection(PortalCollection.Name)]
public partial class ReadCookieCacheSiteTests(PortalApp app)
{
    [GeneratedRegex("&quot;RequestVerificationToken&quot;:&quot;([^&]+)&quot;|\"RequestVerificationToken\":\"([^\"]+)\"")]
    private static partial Regex HtmxToken();

    private static string TokenOf(string html)
    {
        var m = HtmxToken().Match(html);
        Assert.True(m.Success, "the layout gives htmx a token");
        return m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
    }

    [Fact]
    public async Task The_site_reads_its_cookies_through_the_caches_and_every_page_still_gets_a_token_of_its_own()
    {
        var options = app.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.IsType<CachedTicketFormat>(options.TicketDataFormat);

        var client = await app.SignedInAsync(PortalApp.Resident1);
        var first = await (await client.GetAsync("/espace")).HtmlAsync();
        var second = await (await client.GetAsync("/espace")).HtmlAsync();
        Assert.NotEqual(TokenOf(first), TokenOf(second));
        var formToken = Forms.Token(first);

        // A token altered by one character is refused; the first page's token still works after the second page.
        var altered = formToken[..^3] + (formToken[^3] == 'a' ? 'b' : 'a') + formToken[^2..];
        var refused = await client.PostAsync("/espace?handler=Profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = altered, ["Input.FullName"] = "Refusé",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var resident = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == PortalApp.Resident1).FullName));
        var accepted = await client.PostAsync("/espace?handler=Profile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = formToken, ["Input.FullName"] = resident!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }
}
