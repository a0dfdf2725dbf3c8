using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Tests.Pages.Compte;

/// Links in emails carry live tokens (password reset, confirmation, invitation): they must point to
/// the configured public address whatever Host header the request came with.
[Collection(PortalCollection.Name)]
public class PublicLinkTests(PortalApp app)
{
    private static string NewEmail() => $"hote-{Guid.NewGuid():N}@exemple.fr";

    private async Task<string> ConfirmedAccountAsync()
    {
        var email = NewEmail();
        await Forms.PostAsync(app.Client(), "/compte/inscription", new()
        {
            ["Input.FullName"] = "Nina Hôte",
            ["Input.Email"] = email,
            ["Input.Password"] = "Bonjour-Passerelle-1",
            ["Input.ConfirmPassword"] = "Bonjour-Passerelle-1",
            ["Input.AcceptPrivacy"] = "true",
        });
        await app.Mail.WaitForAsync(email);
        return email;
    }

    private async Task<HttpResponseMessage> AskResetWithHostAsync(string email, string host)
    {
        var client = app.Client();
        var page = await client.GetAsync("/compte/mot-de-passe-oublie");
        var token = Forms.Token(await page.HtmlAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/compte/mot-de-passe-oublie")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Host = host;
        return await client.SendAsync(post);
    }

    private Task<int> ResetEmailsToAsync(string email) =>
        app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.ToAddress == email && e.Subject.Contains("Réinitialisation")));

    [Fact]
    public async Task Reset_request_with_a_foreign_Host_is_refused_and_sends_nothing()
    {
        var email = await ConfirmedAccountAsync();

        var response = await AskResetWithHostAsync(email, "attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ResetEmailsToAsync(email));
    }

    [Fact]
    public async Task Reset_link_points_to_the_public_address_not_to_the_Host_of_the_request()
    {
        var email = await ConfirmedAccountAsync();

        // A loopback name is allowed through the host filter, but the link must still not come from it.
        var response = await AskResetWithHostAsync(email, "127.0.0.1:6666");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await app.Mail.WaitForAsync(email, where: m => m.Subject.Contains("Réinitialisation"));
        var link = MailDev.LinkIn(mail, "/compte/nouveau-mot-de-passe");
        Assert.StartsWith(PortalApp.PublicBaseUrl + "/compte/nouveau-mot-de-passe", link);
        Assert.DoesNotContain("6666", mail.Html + mail.Text);
    }

    [Fact]
    public async Task Site_does_not_start_outside_Development_without_a_public_address()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Portal:PublicBaseUrl", "");
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error is InvalidOperationException ? error.Message : error.InnerException?.Message ?? error.Message;
        Assert.Contains("Portal:PublicBaseUrl", message);
    }
}
