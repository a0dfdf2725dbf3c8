using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.Logements;

/// /admin/logements: residences and their dwellings.
public sealed class StockPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Page.GetByRole(AriaRole.Heading, new() { Name = "Résidences et logements" });

    public Task GotoAsync() => Page.GotoAsync("/admin/logements");

    public Task OpenResidenceAsync(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}
