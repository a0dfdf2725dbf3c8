using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.E2E.Pages.Espace.Documents;
using Portal.E2E.Pages.Suivi.Documents;
using Portal.E2E.Pages.Suivi.Rapports;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class DocumentsTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";

    [Fact]
    public async Task Manager_reads_the_year_figures_generates_the_activity_report_in_place_and_downloads_it()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "responsable@demo.passerelle.fr", Password);
        var reports = new ReportsPage(page);
        await reports.GotoAsync();
        await Expect(reports.Title).ToBeVisibleAsync();
        await Expect(reports.FollowedHouseholds).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "60-rapports");

        await reports.MarkThePageAsync();
        await reports.GenerateActivityReportAsync();
        var link = reports.Download;
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await reports.StayedOnTheSamePageAsync());
        await app.CheckPageAsync(page, "61-rapport-pret");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = Path.Combine(app.Artifacts, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            Assert.Contains("Accompagnement individuel", doc.MainDocumentPart!.Document!.Body!.InnerText);
        }

        // A second click makes a new version, not the same request again.
        await reports.GenerateActivityReportAsync();
        await Expect(reports.Version(2)).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var documents = new StaffDocumentsPage(page);
        await documents.GotoAsync();
        await Expect(documents.Title).ToBeVisibleAsync();
        await Expect(documents.Download("Télécharger Bilan d'activité annuel")).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "62-documents-suivi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resident_documents_page_is_accessible()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "resident2@demo.passerelle.fr", Password);
        var documents = new MyDocumentsPage(page);
        await documents.GotoAsync();
        await Expect(documents.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "63-espace-documents");
        await page.Context.CloseAsync();
    }
}
