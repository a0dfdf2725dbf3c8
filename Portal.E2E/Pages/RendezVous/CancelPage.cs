using Microsoft.Playwright;

namespace Portal.E2E.Pages.RendezVous;

/// /rendez-vous/annuler: the cancellation link of an email, opened by anyone holding it.
public sealed class CancelPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Annuler un rendez-vous");

    public Task CancelAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Annuler ce rendez-vous" }).ClickAsync();
}
