using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.Testing;
using Portal.E2E.Pages;
using Portal.E2E.Pages.Compte;
using Portal.E2E.Pages.Espace;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class SignUpTests(E2EApp app)
{
    [Fact]
    public async Task A_person_signs_up_confirms_from_the_email_signs_in_and_lands_in_their_space()
    {
        var email = $"camille-{Guid.NewGuid():N}@exemple.fr";
        const string password = "Un-Toit-Pour-2026";
        var page = await app.NewPageAsync();

        var home = new HomePage(page);
        await home.GotoAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("Passerelle"));
        await app.CheckPageAsync(page, "01-accueil");

        await home.CreateAccountAsync();
        var signUp = new SignUpPage(page);
        await Expect(signUp.Heading("Créer un compte")).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "02-inscription");

        // A first try with a mistake: the message is at the field and nothing typed is lost.
        await signUp.FillAsync("Camille Petit", email, password, "autre-chose");
        await signUp.SubmitAsync();
        await Expect(signUp.Text("Les deux mots de passe ne sont pas identiques.")).ToBeVisibleAsync();
        await Expect(signUp.Email).ToHaveValueAsync(email);
        await app.CheckPageAsync(page, "03-inscription-erreurs");

        await signUp.Password.FillAsync(password);
        await signUp.Confirmation.FillAsync(password);
        await signUp.AcceptTermsAsync();
        await signUp.SubmitAsync();
        await Expect(new SignUpSentPage(page).Title).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "04-verifiez-messagerie");

        var mail = await app.Mail.WaitForAsync(email);
        await page.GotoAsync(MailDev.LinkIn(mail, "/compte/confirmer"));
        var confirmed = new ConfirmEmailPage(page);
        await Expect(confirmed.Activated).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "05-adresse-confirmee");

        await confirmed.SignInAsync();
        await new SignInPage(page).SignInAsync(email, password);

        await Expect(page).ToHaveURLAsync(new Regex("/espace$"));
        var space = new SpacePage(page);
        await Expect(space.Title).ToBeVisibleAsync();
        await Expect(space.Greeting("Camille Petit")).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "06-mon-espace");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Public_pages_are_accessible_on_a_phone()
    {
        var page = await app.NewPageAsync(phone: true);
        foreach (var (url, name) in new[] { ("/", "accueil"), ("/compte/inscription", "inscription"), ("/compte/connexion", "connexion"), ("/confidentialite", "confidentialite") })
        {
            await page.GotoAsync(url);
            await app.CheckPageAsync(page, $"telephone-{name}");
        }
        await page.Context.CloseAsync();
    }
}
