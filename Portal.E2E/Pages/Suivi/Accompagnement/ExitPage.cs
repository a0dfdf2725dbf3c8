using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Accompagnement;

/// /suivi/menages/{id}/accompagnement/sortie: first what the exit closes, then the record. Its
/// locators are the page's as it is before the split of issue 12, point 7.
public sealed class ExitPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Sortie du ménage");

    public ILocator Plan => Page.Locator("#plan-sortie");

    public async Task PreviewAsync(DateOnly day, string destination, string details)
    {
        await Page.GetByLabel("Date de sortie").FillAsync(MeasurePage.Iso(day));
        await Page.GetByLabel("Destination").SelectOptionAsync(destination);
        await Page.GetByLabel("Précisions").FillAsync(details);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voir ce que la sortie va clôturer" }).ClickAsync();
    }

    public Task ConfirmAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la sortie" }).ClickAsync();
}
