using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Portal.E2E.Support;
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
        await page.GotoAsync("/suivi/rapports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapports d'activité", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Ménages suivis").First).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "60-rapports");

        await page.EvaluateAsync("() => { window.__samePage = true; }");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Générer le bilan d'activité") }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Télécharger Bilan d'activité annuel") }).First;
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"));
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
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Générer le bilan d'activité") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("version 2") })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GotoAsync("/suivi/documents");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Documents", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Télécharger Bilan d'activité annuel") }).First).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "62-documents-suivi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resident_documents_page_is_accessible()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "resident2@demo.passerelle.fr", Password);
        await page.GotoAsync("/espace/documents");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes documents", Level = 1 })).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "63-espace-documents");
        await page.Context.CloseAsync();
    }
}
