using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Documents;

/// /suivi/documents: the documents the staff member may download.
public sealed class StaffDocumentsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Documents");

    public ILocator Download(string startingWith) => DownloadLink(startingWith);

    public Task GotoAsync() => Page.GotoAsync("/suivi/documents");
}
