using Microsoft.Playwright;

namespace Portal.E2E.Pages.Espace;

/// /espace: a resident's home.
public sealed class SpacePage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Mon espace");

    public ILocator Greeting(string fullName) => Page.GetByText($"Bonjour {fullName}");
}
