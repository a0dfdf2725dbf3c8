using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.Logements;

/// /admin/logements/logements/{id}: one dwelling.
public sealed class DwellingPage(IPage page) : PortalPage(page)
{
    public ILocator Title(string number) => Page.GetByRole(AriaRole.Heading, new() { Name = $"Logement {number}" });
}
