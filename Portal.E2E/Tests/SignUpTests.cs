using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.Testing;
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

        await page.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync(new Regex("Passerelle"));
        await app.CheckPageAsync(page, "01-accueil");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Créer un compte", Level = 1 })).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "02-inscription");

        // A first try with a mistake: the message is at the field and nothing typed is lost.
        await page.GetByLabel("Nom et prénom").FillAsync("Camille Petit");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("autre-chose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(page.GetByText("Les deux mots de passe ne sont pas identiques.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Adresse électronique")).ToHaveValueAsync(email);
        await app.CheckPageAsync(page, "03-inscription-erreurs");

        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie" })).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "04-verifiez-messagerie");

        var mail = await app.Mail.WaitForAsync(email);
        await page.GotoAsync(MailDev.LinkIn(mail, "/compte/confirmer"));
        await Expect(page.GetByText("Votre compte est activé")).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "05-adresse-confirmee");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/espace$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon espace", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Bonjour Camille Petit")).ToBeVisibleAsync();
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
