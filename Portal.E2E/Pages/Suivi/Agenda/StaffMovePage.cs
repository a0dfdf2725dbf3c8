using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Agenda;

/// /suivi/agenda/deplacer/{id}: the team moves an appointment; the person is told.
public sealed class StaffMovePage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Déplacer un rendez-vous");

    public ILocator Slots => Page.GetByRole(AriaRole.Radio);

    public Task MoveAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Déplacer à ce créneau" }).ClickAsync();
}
