using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Tests.Infrastructure;

/// Sign-in, sign-up, reset, confirmation resend and the cancellation link are limited per address
/// and per account, with the shipped limits (the test host only lifts the per-account sign-in
/// limit, for the demo accounts); every test client comes from an address of its own.
[Collection(PortalCollection.Name)]
public class RateLimitingTests(PortalApp app)
{
    private static string NewEmail() => $"limite-{Guid.NewGuid():N}@exemple.fr";

    private static Task<HttpResponseMessage> WrongSignInAsync(HttpClient client, string email) =>
        Forms.PostAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = "Pas-Le-Bon-2026" });

    [Fact]
    public async Task A_password_sprayed_from_one_address_is_stopped_with_a_french_429_and_its_wait()
    {
        var attacker = app.Client(PortalApp.NextAddress());
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.OK, (await WrongSignInAsync(attacker, NewEmail())).StatusCode);

        var refused = await WrongSignInAsync(attacker, NewEmail());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        var html = await refused.HtmlAsync();
        Assert.Contains("Trop de tentatives", html);
        Assert.Contains("Réessayez dans ", html);
        Assert.Contains("minute", html);

        // Another address signs in, and the sign-in page itself still opens for the attacker.
        var other = await app.SignedInAsync(PortalApp.Resident1);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/espace")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/compte/connexion")).StatusCode);
    }

    [Fact]
    public async Task No_more_than_three_reset_emails_reach_one_address_in_an_hour_whatever_the_sender()
    {
        var email = NewEmail();
        await Forms.PostAsync(app.Client(), "/compte/inscription", new()
        {
            ["Input.FullName"] = "Rita Limite",
            ["Input.Email"] = email,
            ["Input.Password"] = "Bonjour-Passerelle-1",
            ["Input.ConfirmPassword"] = "Bonjour-Passerelle-1",
            ["Input.AcceptPrivacy"] = "true",
        });
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(app.Client(), "/compte/mot-de-passe-oublie", new() { ["Input.Email"] = email })).StatusCode);

        var fourth = await Forms.PostAsync(app.Client(), "/compte/mot-de-passe-oublie", new() { ["Input.Email"] = " " + email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Réessayez dans ", await fourth.HtmlAsync());
        Assert.Equal(3, await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == email && e.Subject.Contains("Réinitialisation"))));
        // Another address is not held back by it.
        Assert.Equal(HttpStatusCode.OK, (await Forms.PostAsync(app.Client(), "/compte/mot-de-passe-oublie", new() { ["Input.Email"] = NewEmail() })).StatusCode);
    }

    [Fact]
    public async Task An_htmx_request_that_is_refused_is_sent_to_the_page_saying_how_long_to_wait()
    {
        var client = app.Client(PortalApp.NextAddress());
        for (var i = 0; i < 30; i++) await WrongSignInAsync(client, NewEmail());
        var page = await client.GetAsync("/compte/connexion");
        var post = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = NewEmail(), ["Input.Password"] = "x", ["__RequestVerificationToken"] = Forms.Token(await page.HtmlAsync()),
            }),
        };
        post.Headers.Add("HX-Request", "true");

        var refused = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var target = refused.Headers.GetValues("HX-Redirect").Single();
        Assert.StartsWith("/statut/429?attente=", target);
        var shown = await app.Client().GetAsync(target);
        Assert.Equal(HttpStatusCode.TooManyRequests, shown.StatusCode);
        Assert.Contains("Réessayez dans ", await shown.HtmlAsync());
    }

    [Fact]
    public async Task The_cancellation_link_cannot_be_tried_without_end_from_one_address()
    {
        var client = app.Client(PortalApp.NextAddress());
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/rendez-vous/annuler?jeton=essai{i}")).StatusCode);

        var refused = await client.GetAsync("/rendez-vous/annuler?jeton=encore");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/rendez-vous/annuler?jeton=autre")).StatusCode);
    }
}
