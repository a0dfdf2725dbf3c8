using System.Net;
using Portal.Testing;

namespace Portal.Tests.Pages;

/// Bad input gets a French answer, never a server error.
[Collection(PortalCollection.Name)]
public class RobustnessTests(PortalApp app)
{
    public static TheoryData<string, string?> AnonymousForms => new()
    {
        { "/compte/inscription", null },
        { "/compte/connexion", null },
        { "/compte/mot-de-passe-oublie", null },
        { "/compte/renvoyer-confirmation", null },
        { "/compte/nouveau-mot-de-passe?userId=x&code=eHl6", null },
    };

    [Theory]
    [MemberData(nameof(AnonymousForms))]
    public async Task Empty_and_garbage_posts_to_public_forms_never_fail(string url, string? handler)
    {
        foreach (var fields in Garbage())
        {
            var response = await Forms.PostAsync(app.Client(), url, fields, handler);
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/admin/utilisateurs", "Invite")]
    [InlineData("/admin/utilisateurs", "Team")]
    [InlineData("/admin/documents", "Generate")]
    public async Task Empty_and_garbage_posts_to_admin_forms_never_fail(string url, string handler)
    {
        var client = await app.SignedInAsync(PortalApp.Admin);
        foreach (var fields in Garbage())
        {
            var response = await Forms.PostAsync(client, url, fields, handler);
            Assert.True((int)response.StatusCode < 500, $"{url}?handler={handler} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Empty_posts_to_signed_in_forms_never_fail()
    {
        var client = await app.SignedInAsync(PortalApp.Resident2);
        foreach (var (url, handler) in new[] { ("/espace", "Profile"), ("/compte/mot-de-passe", null as string) })
            foreach (var fields in Garbage())
            {
                var response = await Forms.PostAsync(client, url, fields, handler);
                Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
            }
    }

    [Theory]
    [InlineData("/compte/nouveau-mot-de-passe?userId=x&code=eHl6&invitation=peut-etre")]
    [InlineData("/compte/confirmer?userId=&code=%%%")]
    [InlineData("/compte/connexion?ReturnUrl=https://ailleurs.example/")]
    [InlineData("/admin/documents?handler=Row&id=abc")]
    [InlineData("/admin/documents?handler=Inconnu")]
    [InlineData("/admin/utilisateurs?q=%3Cscript%3E&role=zzz")]
    [InlineData("/statut/abc")]
    public async Task Garbage_in_addresses_never_fails(string url)
    {
        var client = await app.SignedInAsync(PortalApp.Admin);
        var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>", await response.HtmlAsync());
    }

    [Fact]
    public async Task Empty_sign_up_shows_a_message_at_every_field()
    {
        var response = await Forms.PostAsync(app.Client(), "/compte/inscription", []);
        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Indiquez votre nom et votre prénom.", html);
        Assert.Contains("Indiquez votre adresse électronique.", html);
        Assert.Contains("Choisissez un mot de passe.", html);
    }

    [Fact]
    public async Task A_form_posted_with_an_expired_token_gets_a_french_page()
    {
        var response = await app.Client().PostAsync("/compte/inscription", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "expire",
            ["Input.Email"] = "x@exemple.fr",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Demande incorrecte", await response.HtmlAsync());
    }

    [Fact]
    public async Task Unknown_address_is_a_404_for_anonymous_visitors_too()
    {
        var response = await app.Client().GetAsync("/pas/une/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.HtmlAsync());
    }

    private static IEnumerable<Dictionary<string, string>> Garbage()
    {
        yield return [];
        yield return new()
        {
            ["Input.Email"] = "", ["Input.FullName"] = "", ["Input.Password"] = "", ["Input.ConfirmPassword"] = "",
            ["Input.AcceptPrivacy"] = "peut-être", ["Input.RememberMe"] = "oui", ["Input.PhoneNumber"] = "",
            ["Invite.Email"] = "", ["Invite.FullName"] = "", ["Invite.Role"] = "", ["Invite.TeamId"] = "abc", ["NewTeam.Name"] = "",
            ["Input.CurrentPassword"] = "", ["Input.NewPassword"] = "",
        };
        var huge = new string('é', 5000);
        yield return new()
        {
            ["Input.Email"] = huge, ["Input.FullName"] = huge + "<script>", ["Input.Password"] = huge, ["Input.ConfirmPassword"] = huge,
            ["Invite.Email"] = "not-an-email", ["Invite.FullName"] = huge, ["Invite.Role"] = "Admin'; DROP TABLE", ["Invite.TeamId"] = "99999999999999",
            ["NewTeam.Name"] = huge, ["Input.PhoneNumber"] = huge, ["Input.NewPassword"] = "\u0000\u0001",
        };
    }
}
