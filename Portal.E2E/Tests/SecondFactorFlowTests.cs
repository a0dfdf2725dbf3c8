using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.E2E.Support;
using Portal.E2E.Pages.Compte;
using Portal.E2E.Pages.Compte.Securite;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// Issue 11, point 5, in Chromium: staff enrol a second factor at their first sign-in; a passkey
/// made with Chromium's virtual authenticator signs a manager in.
[Collection(E2ECollection.Name)]
public class SecondFactorFlowTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";

    /// A staff account as an accepted invitation leaves it: a password, no second factor.
    private async Task<string> NewStaffAsync(string role, bool demoAuthenticator = false)
    {
        var email = $"equipe-{Guid.NewGuid():N}@exemple.fr";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "Nina Nouvelle",
            TeamId = role == Roles.SocialWorker ? await db.Teams.Where(t => t.Name == "Nord").Select(t => (int?)t.Id).SingleAsync() : null,
            CreatedAtUtc = DateTime.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (demoAuthenticator) await SecondFactor.SetUpDemoAsync(users, user);
        return email;
    }

    [Fact]
    public async Task New_social_worker_enrols_an_authenticator_signs_out_and_signs_in_with_a_code()
    {
        var email = await NewStaffAsync(Roles.SocialWorker);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email, Password);

        // Sent to the account page, and nowhere else, until a second factor is set up.
        await Expect(page).ToHaveURLAsync(new Regex("/compte$"));
        var account = new AccountPage(page);
        await Expect(account.SecondFactorRequired).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "mfa-01-enrolement-requis");
        await page.GotoAsync("/suivi/menages");
        await Expect(page).ToHaveURLAsync(new Regex("/compte$"));

        await account.SetUpAnAuthenticatorAsync();
        var authenticator = new AuthenticatorPage(page);
        await Expect(authenticator.QrCode).ToBeVisibleAsync();
        // The QR code is a PNG the site serves: it loads and has its size (a broken image has none).
        await authenticator.QrCodeLoadedAsync();
        await app.CheckPageAsync(page, "mfa-02-authentificateur");
        var key = await authenticator.SharedKeyAsync();
        await authenticator.VerifyAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));

        var recovery = new RecoveryCodesPage(page);
        await Expect(recovery.Heading("Codes de secours")).ToBeVisibleAsync();
        await Expect(recovery.Codes).ToHaveCountAsync(10);
        await app.CheckPageAsync(page, "mfa-03-codes-de-secours");
        await recovery.DoneAsync();
        await page.GotoAsync("/suivi");
        await Expect(page).ToHaveURLAsync(new Regex("/suivi$"));

        await recovery.SignOutAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(email, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/compte/connexion/code"));
        await app.CheckPageAsync(page, "mfa-04-code");
        await new SignInCodePage(page).EnterAsync(await app.CodeForAsync(email));
        await Expect(page).ToHaveURLAsync(new Regex("/suivi$"));
    }

    [Fact]
    public async Task Manager_registers_a_passkey_and_signs_in_with_it()
    {
        var email = await NewStaffAsync(Roles.Manager, demoAuthenticator: true);
        // WebAuthn refuses an IP address as the site's identity: the same server, named localhost.
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl.Replace("127.0.0.1", "localhost"), Locale = "fr-FR", TimezoneId = "Europe/Paris" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });

        await app.SignInAsync(page, email, Password);
        await Expect(page).ToHaveURLAsync(new Regex("/suivi$"));
        var passkeys = new PasskeysPage(page);
        await passkeys.GotoAsync();
        await passkeys.RegisterAsync("Poste du bureau");
        await Expect(passkeys.Text("La clé d'accès « Poste du bureau » est enregistrée.")).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "mfa-05-cles-d-acces");

        await passkeys.SignOutAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInWithAPasskeyAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/suivi$"));
        await Expect(page.GetByText(email)).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
