using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Veille;

/// /suivi/veille: the watch list.
public sealed class WatchListPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Veille sociale");

    public Task GotoAsync() => Page.GotoAsync("/suivi/veille");
}
