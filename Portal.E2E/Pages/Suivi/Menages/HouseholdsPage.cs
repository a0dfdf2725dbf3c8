using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Menages;

/// /suivi/menages: the households a worker may see, searched in place. Its locators are the page's
/// as it is before the split of issue 12, point 7.
public sealed class HouseholdsPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/suivi/menages");

    public Task GotoSearchAsync(string query) => Page.GotoAsync($"/suivi/menages?q={query}");

    public Task NewHouseholdAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Nouveau ménage" }).ClickAsync();

    public async Task SearchAsync(string name)
    {
        await Page.GetByLabel("Nom du ménage").FillAsync(name);
        await Page.GetByLabel("Nom du ménage").PressAsync("Enter");
    }

    public ILocator Result(string name) => Page.Locator("#resultats").GetByRole(AriaRole.Link, new() { Name = name });
}
