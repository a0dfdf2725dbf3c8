using Microsoft.Playwright;

namespace Portal.E2E.Pages.Espace.RendezVous;

/// /espace/rendez-vous/{id}/deplacer, and the staff's move page, which reads the same.
public sealed class MovePage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Déplacer un rendez-vous");

    public ILocator Slots => Page.GetByRole(AriaRole.Radio);

    public Task MoveAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Déplacer à ce créneau" }).ClickAsync();
}
