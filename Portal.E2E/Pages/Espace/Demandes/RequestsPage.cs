using Microsoft.Playwright;

namespace Portal.E2E.Pages.Espace.Demandes;

/// /espace/demandes: a person's requests.
public sealed class RequestsPage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/espace/demandes");

    public Task OpenFirstAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Voir" }).First.ClickAsync();
}
