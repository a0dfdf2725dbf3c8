using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.Logements;

/// /admin/logements/residences/{id}: one residence, its dwellings and the form to add one.
public sealed class ResidencePage(IPage page) : PortalPage(page)
{
    public ILocator AddDwelling => Page.GetByRole(AriaRole.Heading, new() { Name = "Ajouter un logement" });

    public Task OpenDwellingAsync(string number) => Page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
}
