using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.CaseFiles;
using Portal.Data;
using Portal.Domain.Requests;
using Portal.E2E.Support;
using Portal.E2E.Pages.Admin.Import;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class ImportFlowTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";

    [Fact]
    [FailOnConsoleErrors]
    public async Task An_admin_imports_a_file_with_two_errors_and_one_duplicate_fixes_them_and_imports()
    {
        var token = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var name = $"FONTAINE{token} Maëlle";
            var h = new Household { Name = name, SearchName = HouseholdFactory.SearchKey(name), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            h.Persons.Add(new HouseholdPerson { LastName = $"FONTAINE{token}", FirstName = "Maëlle", BirthDate = new DateOnly(1991, 7, 14), Relationship = Relationship.Applicant });
            db.Households.Add(h);
            await db.SaveChangesAsync();
        }
        var csv = $"Nom;Prénom;Date de naissance;Téléphone;Réf {token}\r\n"
                  + $"GIRARD{token};Yasmine;02/02/1987;06 10 20 30 40;a\r\n"
                  + $";Bruno;15/08/1975;;b\r\n"
                  + $"PERRIN{token};Alice;45/10/1999;;c\r\n"
                  + $"maelle;fontaine{token.ToLowerInvariant()};14/07/1991;;d\r\n";
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "admin@demo.passerelle.fr", Password);
        var import = new ImportPage(page);

        await import.UploadAsync($"menages-{token}.csv", Encoding.UTF8.GetBytes(csv));
        await Expect(import.ColumnsTitle).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "70-import-colonnes");
        await import.MatchColumnsAsync("Nord");

        await Expect(import.BatchTitle).ToBeVisibleAsync();
        await Expect(import.Problem(3, "Nom")).ToContainTextAsync("Nom manquant");
        await Expect(import.Problem(4, "Date de naissance")).ToContainTextAsync("Date non reconnue « 45/10/1999 »");
        await Expect(import.Row(5)).ToContainTextAsync($"Déjà suivie : ménage « FONTAINE{token} Maëlle »");
        await app.CheckPageAsync(page, "71-import-apercu");

        await import.MarkThePageAsync();
        await import.CorrectAsync(3, "Nom", $"MARCHAND{token}");
        await Expect(import.Row(3)).ToContainTextAsync("Prête");
        await import.CorrectAsync(4, "Date de naissance", "15/10/1999");
        await Expect(import.Row(4)).ToContainTextAsync("Prête");
        await import.DecideAsync(5, "Fusionner avec la personne déjà suivie (compléter son dossier)");
        await Expect(import.Row(5)).ToContainTextAsync("Prête");
        Assert.True(await import.StayedOnTheSamePageAsync());

        await import.ImportReadyLinesAsync();
        await Expect(import.ReportTitle).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(import.Figure("Personnes ajoutées")).ToHaveTextAsync("3");
        await Expect(import.Figure("Personnes fusionnées avec un dossier existant")).ToHaveTextAsync("1");
        await Expect(import.Figure("Lignes non importées")).ToHaveTextAsync("0");
        await app.CheckPageAsync(page, "72-import-rapport");
        await page.Context.CloseAsync();
    }
}
