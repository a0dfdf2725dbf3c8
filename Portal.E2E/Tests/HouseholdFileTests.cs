using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.E2E.Pages.Admin.Journal;
using Portal.E2E.Pages.Suivi.Menages;
using Portal.E2E.Pages.Suivi.Portefeuille;
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
        var households = new HouseholdsPage(worker);
        await households.GotoAsync();
        await households.NewHouseholdAsync();
        var newHousehold = new NewHouseholdPage(worker);
        await Expect(newHousehold.Title).ToBeVisibleAsync();
        await newHousehold.FillAsync($"LÉVÊQUE{t} Lina", "Lina", $"Lévêque{t}");
        await app.CheckPageAsync(worker, "60-nouveau-menage");
        await newHousehold.OpenAsync();
        var file = new HouseholdFilePage(worker);
        await Expect(file.Title).ToContainTextAsync($"LÉVÊQUE{t} Lina");
        var fileUrl = worker.Url;

        // The journal is a section of the file, in its tab bar.
        await file.OpenSectionAsync("Journal");
        await Expect(worker).ToHaveURLAsync(fileUrl + "/journal");
        await file.AddJournalEntryAsync("Interview", secret, confidential: true);
        await Expect(file.Journal).ToContainTextAsync(secret);
        await app.CheckPageAsync(worker, "61-dossier-menage");

        // The search finds it without accents, in place.
        await households.GotoAsync();
        await households.SearchAsync($"leveque{t.ToLowerInvariant()}");
        var link = households.Result($"LÉVÊQUE{t} Lina");
        await Expect(link).ToBeVisibleAsync();
        await Expect(worker).ToHaveURLAsync(new Regex("q=leveque"));
        await app.CheckPageAsync(worker, "62-recherche-menages");
        var portfolio = new PortfolioPage(worker);
        await portfolio.GotoAsync();
        await Expect(portfolio.Household($"LÉVÊQUE{t} Lina")).ToBeVisibleAsync();
        await app.CheckPageAsync(worker, "63-portefeuille");

        // A manager hands the file to another referent of the team: Claire is now a colleague, not the referent.
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, "responsable@demo.passerelle.fr", Password);
        var managerSearch = new HouseholdsPage(manager);
        await managerSearch.GotoSearchAsync($"leveque{t.ToLowerInvariant()}");
        await managerSearch.Result($"LÉVÊQUE{t} Lina").ClickAsync();
        var managerFile = new HouseholdFilePage(manager);
        await Expect(managerFile.Journal).ToContainTextAsync(secret);
        await managerFile.AssignReferentAsync("Romain Responsable");
        await Expect(managerFile.Referent).ToHaveTextAsync("Romain Responsable");

        await worker.GotoAsync(fileUrl);
        await Expect(file.Journal).ToContainTextAsync(Masked);
        await Expect(file.Journal).Not.ToContainTextAsync(secret);

        var admin = await app.NewPageAsync();
        await app.SignInAsync(admin, "admin@demo.passerelle.fr", Password);
        var accessLog = new AccessLogPage(admin);
        await accessLog.GotoAsync();
        await accessLog.FilterByUserAsync("Claire");
        await Expect(admin).ToHaveURLAsync(new Regex("utilisateur=Claire"));
        await Expect(accessLog.Entries).ToContainTextAsync($"LÉVÊQUE{t} Lina");
        await app.CheckPageAsync(admin, "64-journal-des-acces");

        await worker.Context.CloseAsync();
        await manager.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
