using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.E2E.Support;
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
        await Expect(page.GetByText("Activez la double authentification pour continuer")).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "mfa-01-enrolement-requis");
        await page.GotoAsync("/suivi/menages");
        await Expect(page).ToHaveURLAsync(new Regex("/compte$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Activer une application d'authentification" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Code QR à scanner avec l'application d'authentification" })).ToBeVisibleAsync();
        // The QR code is a PNG the site serves: it loads and has its size (a broken image has none).
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.qr-code'); return i && i.complete && i.naturalWidth > 100; }", null, new() { Timeout = 15000 });
        await app.CheckPageAsync(page, "mfa-02-authentificateur");
        var key = (await page.Locator("[data-shared-key]").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        await page.GetByLabel("Code à 6 chiffres affiché par l'application").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et activer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Codes de secours", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Vos codes de secours" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await app.CheckPageAsync(page, "mfa-03-codes-de-secours");
        await page.GetByRole(AriaRole.Link, new() { Name = "J'ai noté mes codes" }).ClickAsync();
        await page.GotoAsync("/suivi");
        await Expect(page).ToHaveURLAsync(new Regex("/suivi$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));

        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/compte/connexion/code"));
        await app.CheckPageAsync(page, "mfa-04-code");
        await page.GetByLabel("Code à 6 chiffres").FillAsync(await app.CodeForAsync(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
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
        await page.GotoAsync("/compte/securite/cles-d-acces");
        await page.GetByLabel("Nom de la clé (pour la reconnaître)").FillAsync("Poste du bureau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer une clé d'accès" }).ClickAsync();
        await Expect(page.GetByText("La clé d'accès « Poste du bureau » est enregistrée.")).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "mfa-05-cles-d-acces");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GotoAsync("/compte/connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec une clé d'accès" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/suivi$"));
        await Expect(page.GetByText(email)).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
