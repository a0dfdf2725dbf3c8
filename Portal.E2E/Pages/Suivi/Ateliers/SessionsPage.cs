using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Ateliers;

/// /suivi/ateliers: the team's sessions, upcoming or past.
public sealed class SessionsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Ateliers");

    public Task GotoAsync() => Page.GotoAsync("/suivi/ateliers");

    public Task NewSessionAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance" }).ClickAsync();

    public Task ShowPastAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Passées" }).ClickAsync();

    public Task OpenFirstAsync(string theme) => Page.GetByRole(AriaRole.Link, new() { Name = theme }).First.ClickAsync();
}
