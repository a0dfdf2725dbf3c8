using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class HouseholdFileTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";
    private const string Masked = "Note confidentielle — visible par le référent et les responsables";

    [Fact]
    public async Task A_worker_opens_a_household_writes_a_confidential_note_that_a_colleague_of_the_team_sees_masked()
    {
        var t = "E2E" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var secret = $"Démarches pour violences conjugales {t}";

        var worker = await app.NewPageAsync();
        await app.SignInAsync(worker, "travailleur1@demo.passerelle.fr", Password);
        await worker.GotoAsync("/suivi/menages");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Nouveau ménage" }).ClickAsync();
        await Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "Nouveau ménage", Level = 1 })).ToBeVisibleAsync();
        await worker.Locator("#Input_Name").FillAsync($"LÉVÊQUE{t} Lina");
        await worker.Locator("#Input_Members_0__FirstName").FillAsync("Lina");
        await worker.Locator("#Input_Members_0__LastName").FillAsync($"Lévêque{t}");
        await worker.Locator("#Input_Members_0__Relationship").SelectOptionAsync("Applicant");
        await app.CheckPageAsync(worker, "60-nouveau-menage");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le dossier" }).Last.ClickAsync();
        await Expect(worker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"LÉVÊQUE{t} Lina");
        var fileUrl = worker.Url;

        // The journal is a section of the file, in its tab bar.
        await worker.GetByRole(AriaRole.Navigation, new() { Name = "Sections du dossier" }).GetByRole(AriaRole.Link, new() { Name = "Journal" }).ClickAsync();
        await Expect(worker).ToHaveURLAsync(fileUrl + "/journal");
        await worker.Locator("#Entry_Kind").SelectOptionAsync("Interview");
        await worker.Locator("#Entry_Text").FillAsync(secret);
        await worker.GetByLabel("Confidentiel", new() { Exact = true }).CheckAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Ajouter au journal" }).ClickAsync();
        await Expect(worker.Locator("#journal-entrees")).ToContainTextAsync(secret);
        await app.CheckPageAsync(worker, "61-dossier-menage");

        // The search finds it without accents, in place.
        await worker.GotoAsync("/suivi/menages");
        await worker.GetByLabel("Nom du ménage").FillAsync($"leveque{t.ToLowerInvariant()}");
        await worker.GetByLabel("Nom du ménage").PressAsync("Enter");
        var link = worker.Locator("#resultats").GetByRole(AriaRole.Link, new() { Name = $"LÉVÊQUE{t} Lina" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(worker).ToHaveURLAsync(new Regex("q=leveque"));
        await app.CheckPageAsync(worker, "62-recherche-menages");
        await worker.GotoAsync("/suivi/portefeuille");
        await Expect(worker.GetByRole(AriaRole.Link, new() { Name = $"LÉVÊQUE{t} Lina" })).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "63-portefeuille");

        // A manager hands the file to another referent of the team: Claire is now a colleague, not the referent.
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, "responsable@demo.passerelle.fr", Password);
        await manager.GotoAsync($"/suivi/menages?q=leveque{t.ToLowerInvariant()}");
        await manager.Locator("#resultats").GetByRole(AriaRole.Link, new() { Name = $"LÉVÊQUE{t} Lina" }).ClickAsync();
        await Expect(manager.Locator("#journal-entrees")).ToContainTextAsync(secret);
        await manager.Locator("#Assign_ReferentId").SelectOptionAsync(new SelectOptionValue { Label = "Romain Responsable" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Changer l'équipe ou le référent" }).ClickAsync();
        await Expect(manager.Locator("#referent-menage")).ToHaveTextAsync("Romain Responsable");

        await worker.GotoAsync(fileUrl);
        await Expect(worker.Locator("#journal-entrees")).ToContainTextAsync(Masked);
        await Expect(worker.Locator("#journal-entrees")).Not.ToContainTextAsync(secret);

        var admin = await app.NewPageAsync();
        await app.SignInAsync(admin, "admin@demo.passerelle.fr", Password);
        await admin.GotoAsync("/admin/journal");
        await admin.GetByLabel("Nom de l'utilisateur").FillAsync("Claire");
        await admin.GetByLabel("Nom de l'utilisateur").PressAsync("Enter");
        await Expect(admin).ToHaveURLAsync(new Regex("utilisateur=Claire"));
        await Expect(admin.Locator("#journal-acces")).ToContainTextAsync($"LÉVÊQUE{t} Lina");
        await app.CheckPageAsync(admin, "64-journal-des-acces");

        await worker.Context.CloseAsync();
        await manager.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
