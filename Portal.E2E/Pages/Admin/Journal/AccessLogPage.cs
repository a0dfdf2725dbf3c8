using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.Journal;

/// /admin/journal: who opened which file.
public sealed class AccessLogPage(IPage page) : PortalPage(page)
{
    public ILocator Entries => Page.GetByRole(AriaRole.Table, new() { Name = "Journal des accès, les plus récents d'abord" });

    public Task GotoAsync() => Page.GotoAsync("/admin/journal");

    public async Task FilterByUserAsync(string name)
    {
        await Page.GetByLabel("Nom de l'utilisateur").FillAsync(name);
        await Page.GetByLabel("Nom de l'utilisateur").PressAsync("Enter");
    }
}
