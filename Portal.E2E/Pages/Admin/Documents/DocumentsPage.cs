using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.Documents;

/// /admin/documents: the test sheet made in the background, its progress shown in place.
public sealed class DocumentsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Documents");

    public ILocator Download => DownloadLink("Télécharger");

    public Task GenerateTestSheetAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Générer une fiche de test" }).ClickAsync();
}
