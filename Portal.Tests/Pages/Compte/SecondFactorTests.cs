using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Pages.Compte;
using Portal.Testing;

namespace Portal.Tests.Pages.Compte;

/// Staff sign in with a second factor; residents may (issue 11, point 5).
[Collection(PortalCollection.Name)]
public class SecondFactorTests(PortalApp app)
{
    [Theory]
    [InlineData(Roles.SocialWorker, "/suivi")]
    [InlineData(Roles.SocialWorker, "/suivi/menages")]
    [InlineData(Roles.SocialWorker, "/suivi/demandes")]
    [InlineData(Roles.SocialWorker, "/suivi/agenda")]
    [InlineData(Roles.Manager, "/suivi/commissions")]
    [InlineData(Roles.Admin, "/admin/utilisateurs")]
    [InlineData(Roles.Admin, "/hangfire")]
    public async Task Staff_without_a_second_factor_is_sent_to_enrol(string role, string url)
    {
        var (client, signIn) = await app.PasswordOnlyAsync(await app.NewAccountAsync(role));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte", response.Headers.Location!.OriginalString);
        var account = await (await client.GetAsync("/compte")).HtmlAsync();
        Assert.Contains("Activez la double authentification pour continuer", account);
    }

    [Fact]
    public async Task Htmx_request_of_staff_without_factor_is_sent_to_enrol_by_header()
    {
        var (client, _) = await app.PasswordOnlyAsync(await app.NewAccountAsync(Roles.SocialWorker));
        var request = new HttpRequestMessage(HttpMethod.Get, "/suivi/menages");
        request.Headers.Add("HX-Request", "true");
        var response = await client.SendAsync(request);
        Assert.Equal("/compte", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task Resident_without_a_second_factor_is_not_stopped()
    {
        var (client, signIn) = await app.PasswordOnlyAsync(await app.NewAccountAsync(Roles.Resident));
        Assert.Equal("/espace", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/espace")).StatusCode);
        Assert.DoesNotContain("Activez la double authentification pour continuer", await (await client.GetAsync("/compte")).HtmlAsync());
    }

    [Fact]
    public async Task Demo_staff_accounts_ask_for_a_code_from_the_demo_key()
    {
        var (client, signIn) = await app.PasswordOnlyAsync(PortalApp.Worker1);
        Assert.StartsWith("/compte/connexion/code", signIn.Headers.Location!.OriginalString);
        // Without the code, nothing of /suivi opens.
        Assert.True((await client.GetAsync("/suivi")).IsSignInRedirect());

        var code = Portal.Testing.Totp.Code(Portal.Accounts.SecondFactor.DemoKey);
        var done = await Forms.PostAsync(client, signIn.Headers.Location.OriginalString, new() { ["Code"] = code });
        Assert.Equal("/suivi", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/suivi")).StatusCode);
    }

    [Fact]
    public async Task Worker_enrols_an_authenticator_then_signs_in_with_a_code_or_a_recovery_code()
    {
        var email = await app.NewAccountAsync(Roles.SocialWorker);
        var (client, _) = await app.PasswordOnlyAsync(email);

        var setup = await (await client.GetAsync("/compte/securite/authentificateur")).HtmlAsync();
        Assert.Contains("/compte/securite/authentificateur?handler=Qr", setup);
        var qr = await client.GetAsync("/compte/securite/authentificateur?handler=Qr");
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);

        var wrong = await Forms.PostAsync(client, "/compte/securite/authentificateur", new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Ce code ne correspond pas", await wrong.HtmlAsync());

        var (key, recovery) = await app.EnrolAuthenticatorAsync(client);
        Assert.Equal(10, recovery.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/suivi")).StatusCode);
        // Shown once: the page no longer lists them.
        Assert.DoesNotContain(recovery[0], await (await client.GetAsync("/compte/securite/codes-de-secours")).HtmlAsync());

        await Forms.PostAsync(client, "/compte/deconnexion", []);

        var (again, signIn) = await app.PasswordOnlyAsync(email);
        var codePage = signIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/compte/connexion/code", codePage);
        var bad = await Forms.PostAsync(again, codePage, new() { ["Code"] = "123456" });
        Assert.Contains("Ce code n'est pas valide", WebUtility.HtmlDecode(await bad.HtmlAsync()));
        var good = await Forms.PostAsync(again, codePage, new() { ["Code"] = Portal.Testing.Totp.Code(key) });
        Assert.Equal("/suivi", good.Headers.Location!.OriginalString);

        var (third, signIn3) = await app.PasswordOnlyAsync(email);
        var byRecovery = await Forms.PostAsync(third, signIn3.Headers.Location!.OriginalString, new() { ["RecoveryCode"] = recovery[0] }, handler: "Recovery");
        Assert.Equal("/suivi", byRecovery.Headers.Location!.OriginalString);
        // A recovery code serves once.
        var (fourth, signIn4) = await app.PasswordOnlyAsync(email);
        var reused = await Forms.PostAsync(fourth, signIn4.Headers.Location!.OriginalString, new() { ["RecoveryCode"] = recovery[0] }, handler: "Recovery");
        Assert.Contains("n'est pas valide ou a déjà servi", WebUtility.HtmlDecode(await reused.HtmlAsync()));
    }

    [Fact]
    public async Task Wrong_codes_lock_the_sign_in()
    {
        var email = await app.NewAccountAsync(Roles.Manager);
        await app.SignedInAsync(email);
        var (client, signIn) = await app.PasswordOnlyAsync(email);
        var codePage = signIn.Headers.Location!.OriginalString;
        for (var i = 0; i < 5; i++)
            await Forms.PostAsync(client, codePage, new() { ["Code"] = "000000" });
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);
        var (_, afterLock) = await app.PasswordOnlyAsync(email);
        Assert.Contains("bloquée pendant 15 minutes", await afterLock.HtmlAsync());
    }

    [Fact]
    public async Task Remember_this_device_is_not_offered()
    {
        var (client, signIn) = await app.PasswordOnlyAsync(PortalApp.Manager);
        var page = await (await client.GetAsync(signIn.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.DoesNotContain("RememberMachine", page);
        Assert.DoesNotContain("Se souvenir de cet appareil", page);
    }

    [Fact]
    public async Task Staff_with_only_a_passkey_cannot_sign_in_with_the_password_alone()
    {
        var email = await app.NewAccountAsync(Roles.SocialWorker);
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var passkey = new UserPasskeyInfo(Guid.NewGuid().ToByteArray(), [1, 2, 3], DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [1], [1]) { Name = "Essai" };
            Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
        }
        var (client, signIn) = await app.PasswordOnlyAsync(email);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("se connecte avec une clé d'accès", WebUtility.HtmlDecode(await signIn.HtmlAsync()));
        Assert.True((await client.GetAsync("/suivi")).IsSignInRedirect());
    }

    [Fact]
    public async Task Admin_resets_a_second_factor_with_an_audit_line_and_the_person_enrols_again()
    {
        var email = await app.NewAccountAsync(Roles.SocialWorker);
        await app.SignedInAsync(email);
        var copied = await app.AuthCookieAsync(email);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var admin = await app.SignedInAsync(PortalApp.Admin);
        var list = await (await admin.GetAsync("/admin/utilisateurs?q=" + email)).HtmlAsync();
        Assert.Contains("Réinitialiser la double authentification", list);
        var reset = await Forms.PostAsync(admin, "/admin/utilisateurs", new() { ["id"] = id }, handler: "ResetFactor");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Réinitialisation de la double authentification" && a.Detail!.Contains(email))));
        Assert.True((await app.ReplayAsync(copied, "/suivi")).IsSignInRedirect());
        var (client, signIn) = await app.PasswordOnlyAsync(email);
        Assert.Equal("/suivi", signIn.Headers.Location!.OriginalString);
        Assert.Equal("/compte", (await client.GetAsync("/suivi")).Headers.Location!.OriginalString);
    }
}
