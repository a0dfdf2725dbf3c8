using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Portefeuille;

/// /suivi/portefeuille: the households a worker is the referent of.
public sealed class PortfolioPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/suivi/portefeuille");

    public ILocator Household(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name });
}
