using Microsoft.Playwright;

namespace Portal.E2E.Pages.Espace.Documents;

/// /espace/documents.
public sealed class MyDocumentsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Mes documents");

    public Task GotoAsync() => Page.GotoAsync("/espace/documents");
}
