using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.FondsAide;

/// /suivi/fonds-aide: the housing aid fund.
public sealed class AidFundPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Fonds d'aide au logement");

    public Task GotoAsync() => Page.GotoAsync("/suivi/fonds-aide");
}
