using Microsoft.Playwright;

namespace Portal.E2E.Pages.Partenaire;

/// /partenaire: a partner's home.
public sealed class PartnerHomePage(IPage page) : PortalPage(page)
{
    public ILocator Title => Page.GetByRole(AriaRole.Heading, new() { Name = "Espace partenaire" });

    public Task NewOrientationAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle orientation" }).ClickAsync();
}
