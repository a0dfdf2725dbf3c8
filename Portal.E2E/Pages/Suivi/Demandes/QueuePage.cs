using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Demandes;

/// /suivi/demandes: the team's queue of requests, filtered in place.
public sealed class QueuePage(IPage page) : PortalPage(page)
{
    public Task GotoAsync() => Page.GotoAsync("/suivi/demandes");

    public Task SearchAsync(string nameOrReference) => Page.GetByLabel("Nom ou référence").FillAsync(nameOrReference);

    public ILocator Request(string reference) => Page.GetByRole(AriaRole.Link, new() { Name = reference });
}
