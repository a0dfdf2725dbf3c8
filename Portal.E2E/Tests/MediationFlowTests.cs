using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.E2E.Pages.Suivi.Accompagnement;
using Portal.E2E.Pages.Suivi.Menages;
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
        var newHousehold = new NewHouseholdPage(worker);
        await newHousehold.GotoAsync();
        await newHousehold.FillAsync($"DIALLO{t} Mariam", "Mariam", $"Diallo{t}");
        await newHousehold.OpenAsync();
        var file = new HouseholdFilePage(worker);
        await Expect(file.Title).ToContainTextAsync($"DIALLO{t} Mariam");
        var fileUrl = worker.Url;

        var section = file.Mediations;
        await Expect(section).ToContainTextAsync("Aucune médiation avec un bailleur.");
        await file.OpenAMediationAsync();
        var mediations = new MediationsPage(worker);
        await Expect(mediations.Title).ToBeVisibleAsync();

        // The form answers at the field first, keeping what was typed.
        await mediations.FillAsync("Partenord Habitat", "Autre motif");
        await mediations.OpenAsync();
        await Expect(mediations.Text("Précisez le motif de la médiation.")).ToBeVisibleAsync();
        await Expect(mediations.Landlord).ToHaveValueAsync("Partenord Habitat");

        await mediations.ChooseMotifAsync("Impayés de loyer");
        await mediations.FillDetailsAsync("Dette de 1 240 € depuis mars");
        await mediations.OpenAsync();
        await Expect(mediations.Text("La médiation avec Partenord Habitat est ouverte.")).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "80-mediation-ouverte");

        var mediation = mediations.Mediation("Impayés de loyer — Partenord Habitat");
        await mediations.CloseAsync(mediation, "Plan d'apurement", "50 € par mois sur 24 mois");
        await Expect(mediations.Text("La médiation avec Partenord Habitat est close : Plan d'apurement.")).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "81-mediation-close");

        await worker.GotoAsync(fileUrl);
        await Expect(section).ToContainTextAsync("Impayés de loyer avec Partenord Habitat");
        await Expect(section).ToContainTextAsync("Plan d'apurement");
        var journal = file.Journal;
        await Expect(journal).ToContainTextAsync("Médiation avec Partenord Habitat ouverte : Impayés de loyer (Dette de 1 240 € depuis mars).");
        await Expect(journal).ToContainTextAsync("Médiation avec Partenord Habitat (Impayés de loyer) close : Plan d'apurement (50 € par mois sur 24 mois).");
        await app.CheckPageAsync(worker, "82-dossier-mediation");
        await worker.Context.CloseAsync();
    }
}
