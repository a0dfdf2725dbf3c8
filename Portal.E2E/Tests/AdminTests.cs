using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using Portal.E2E.Support;
using Portal.Testing;
using Portal.E2E.Pages;
using Portal.E2E.Pages.Admin;
using Portal.E2E.Pages.Admin.Documents;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(E2ECollection.Name)]
public class AdminTests(E2EApp app)
{
    private const string Password = "Passerelle-Demo-2026!";

    [Fact]
    public async Task Admin_generates_the_test_document_downloads_it_and_opens_the_jobs_dashboard()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "admin@demo.passerelle.fr", Password);
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        var home = new AdminHomePage(page);
        await Expect(home.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "10-administration");

        await home.OpenDocumentsAsync();
        var documents = new DocumentsPage(page);
        await Expect(documents.Title).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "11-documents");

        // The progress shows in place: the page is never reloaded.
        await documents.MarkThePageAsync();
        await documents.GenerateTestSheetAsync();
        var link = documents.Download;
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await documents.StayedOnTheSamePageAsync());
        await app.CheckPageAsync(page, "12-document-pret");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = Path.Combine(app.Artifacts, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using (var doc = WordprocessingDocument.Open(path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            Assert.Contains("Fiche de test", doc.MainDocumentPart!.Document!.Body!.InnerText);
        }

        await home.OpenBackgroundJobsAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/hangfire"));
        await Expect(page.GetByText("Passerelle — tâches de fond").First).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "13-hangfire");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_resident_cannot_open_the_jobs_dashboard()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "resident1@demo.passerelle.fr", Password);
        await Expect(page).ToHaveURLAsync(new Regex("/espace$"));
        var response = await page.GotoAsync("/hangfire");
        Assert.Equal(403, response!.Status);
        await Expect(new StatusCodePage(page).AccessDenied).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "20-acces-refuse");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_jobs_dashboard_menu_button_has_a_name()
    {
        var page = await app.NewPageAsync(phone: true);
        await app.SignInAsync(page, "admin@demo.passerelle.fr", Password);
        await page.GotoAsync("/hangfire");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(toggle).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "13-hangfire-telephone");
        await page.Context.CloseAsync();
    }
}
