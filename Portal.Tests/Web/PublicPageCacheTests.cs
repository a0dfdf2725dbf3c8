using System.Net;
using Portal.Testing;

namespace Portal.Tests.Web;

/// The public pages are served from memory to anonymous visitors; nothing of a signed-in person,
/// and no antiforgery token, may be stored or served that way.
[Collection(PortalCollection.Name)]
public class PublicPageCacheTests(PortalApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/confidentialite")]
    public async Task An_anonymous_visitor_gets_the_public_page_from_the_cache_without_a_token_or_cookie(string url)
    {
        await app.Client().GetAsync(url);
        var response = await app.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.Age);
        Assert.False(response.Headers.Contains("Set-Cookie"), "a cached public page sets no cookie");
        var html = await response.HtmlAsync();
        Assert.DoesNotContain("RequestVerificationToken", html);
        Assert.Contains("Content-Security-Policy", string.Join(",", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task A_signed_in_person_gets_their_own_page_and_it_is_never_served_to_others()
    {
        var resident = await app.SignedInAsync(PortalApp.Resident1);
        var own = await resident.GetAsync("/");
        var ownHtml = await own.HtmlAsync();
        Assert.Null(own.Headers.Age);
        Assert.Contains("RequestVerificationToken", ownHtml);
        Assert.Contains("Se déconnecter", ownHtml);

        var anonymous = await (await app.Client().GetAsync("/")).HtmlAsync();
        Assert.DoesNotContain("Se déconnecter", anonymous);
        Assert.DoesNotContain(PortalApp.Resident1, anonymous, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_page_with_a_form_is_not_cached_and_keeps_its_token()
    {
        await app.Client().GetAsync("/compte/connexion");
        var response = await app.Client().GetAsync("/compte/connexion");

        Assert.Null(response.Headers.Age);
        Assert.Contains("__RequestVerificationToken", await response.HtmlAsync());
    }
}
