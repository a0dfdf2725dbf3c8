using Microsoft.Playwright;
using Portal.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages.Suivi.Accompagnement;

/// /suivi/menages/{id}/accompagnement: a household's measures, its story and its exit. Its locators
/// are the page's as it is before the split of issue 12, point 7.
public sealed class SupportPage(IPage page, E2EApp app) : PortalPage(page)
{
    public ILocator Story => Page.Locator("#parcours");

    public ILocator Exit => Page.Locator("#sortie");

    public ILocator HouseholdStatus => Page.Locator("#statut-menage");

    public Task GotoAsync(long householdId) => Page.GotoAsync($"/suivi/menages/{householdId}/accompagnement");

    public async Task OpenHouseholdAsync(long householdId, string shot)
    {
        await GotoAsync(householdId);
        await Expect(Heading("Accompagnement")).ToBeVisibleAsync();
        await app.CheckPageAsync(Page, shot);
    }

    public async Task OpenMeasureAsync(string kind, string funder, DateOnly startsOn, int months, string diagnostic)
    {
        await Main.GetByLabel("Type de mesure").SelectOptionAsync(kind);
        await Main.GetByLabel("Financeur").SelectOptionAsync(funder);
        await Main.GetByLabel("Date de début").FillAsync(MeasurePage.Iso(startsOn));
        await Main.GetByLabel("Durée prévue (mois)").FillAsync(months.ToString());
        await Main.GetByLabel("Diagnostic initial").FillAsync(diagnostic);
        await Main.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la mesure" }).ClickAsync();
        await Expect(Status("est ouverte jusqu'au")).ToBeVisibleAsync();
    }

    public Task RecordExitAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer la sortie" }).ClickAsync();
}
