using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Menages;

/// /suivi/menages/nouveau: staff open a household file. Its locators are the page's as it is
/// before the split of issue 12, point 7.
public sealed class NewHouseholdPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Nouveau ménage");

    public Task GotoAsync() => Page.GotoAsync("/suivi/menages/nouveau");

    /// A household of one applicant.
    public async Task FillAsync(string name, string firstName, string lastName)
    {
        await Page.Locator("#Input_Name").FillAsync(name);
        await Page.Locator("#Input_Members_0__FirstName").FillAsync(firstName);
        await Page.Locator("#Input_Members_0__LastName").FillAsync(lastName);
        await Page.Locator("#Input_Members_0__Relationship").SelectOptionAsync("Applicant");
    }

    public Task OpenAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le dossier" }).Last.ClickAsync();
}
