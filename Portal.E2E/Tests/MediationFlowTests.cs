using Microsoft.Playwright;
using Portal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class MediationFlowTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";

    [Fact]
    public async Task A_worker_records_a_landlord_tenant_mediation_and_its_outcome_seen_in_the_file_and_its_journal()
    {
        var t = "E2E" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var worker = await app.NewPageAsync();
        await app.SignInAsync(worker, "travailleur1@demo.passerelle.fr", Password);
        await worker.GotoAsync("/suivi/menages/nouveau");
        await worker.Locator("#Input_Name").FillAsync($"DIALLO{t} Mariam");
        await worker.Locator("#Input_Members_0__FirstName").FillAsync("Mariam");
        await worker.Locator("#Input_Members_0__LastName").FillAsync($"Diallo{t}");
        await worker.Locator("#Input_Members_0__Relationship").SelectOptionAsync("Applicant");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le dossier" }).Last.ClickAsync();
        await Expect(worker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"DIALLO{t} Mariam");
        var fileUrl = worker.Url;

        var section = worker.GetByRole(AriaRole.Region, new() { Name = "Médiations bailleur-locataire" });
        await Expect(section).ToContainTextAsync("Aucune médiation avec un bailleur.");
        await section.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une médiation" }).ClickAsync();
        await Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "Médiations bailleur-locataire", Level = 1 })).ToBeVisibleAsync();

        // The form answers at the field first, keeping what was typed.
        await worker.GetByLabel("Nom du bailleur").FillAsync("Partenord Habitat");
        await worker.GetByLabel("Motif").SelectOptionAsync(new SelectOptionValue { Label = "Autre motif" });
        await worker.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la médiation" }).ClickAsync();
        await Expect(worker.GetByText("Précisez le motif de la médiation.")).ToBeVisibleAsync();
        await Expect(worker.GetByLabel("Nom du bailleur")).ToHaveValueAsync("Partenord Habitat");

        await worker.GetByLabel("Motif").SelectOptionAsync(new SelectOptionValue { Label = "Impayés de loyer" });
        await worker.GetByLabel("Précisions", new() { Exact = true }).FillAsync("Dette de 1 240 € depuis mars");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la médiation" }).ClickAsync();
        await Expect(worker.GetByText("La médiation avec Partenord Habitat est ouverte.")).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "80-mediation-ouverte");

        var mediation = worker.GetByRole(AriaRole.Article, new() { Name = "Impayés de loyer — Partenord Habitat" });
        await mediation.GetByText("Clore la médiation").ClickAsync();
        await mediation.GetByLabel("Issue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Plan d'apurement" });
        await mediation.GetByLabel("Précisions (accord, échéancier, partenaire…)").FillAsync("50 € par mois sur 24 mois");
        await mediation.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'issue" }).ClickAsync();
        await Expect(worker.GetByText("La médiation avec Partenord Habitat est close : Plan d'apurement.")).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "81-mediation-close");

        await worker.GotoAsync(fileUrl);
        await Expect(section).ToContainTextAsync("Impayés de loyer avec Partenord Habitat");
        await Expect(section).ToContainTextAsync("Plan d'apurement");
        var journal = worker.Locator("#journal-entrees");
        await Expect(journal).ToContainTextAsync("Médiation avec Partenord Habitat ouverte : Impayés de loyer (Dette de 1 240 € depuis mars).");
        await Expect(journal).ToContainTextAsync("Médiation avec Partenord Habitat (Impayés de loyer) close : Plan d'apurement (50 € par mois sur 24 mois).");
        await app.CheckPageAsync(worker, "82-dossier-mediation");
        await worker.Context.CloseAsync();
    }
}
