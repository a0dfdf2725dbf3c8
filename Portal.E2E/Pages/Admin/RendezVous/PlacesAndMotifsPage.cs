using Microsoft.Playwright;

namespace Portal.E2E.Pages.Admin.RendezVous;

/// /admin/rendez-vous: the places and motifs of appointments.
public sealed class PlacesAndMotifsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Lieux et motifs de rendez-vous");

    public Task GotoAsync() => Page.GotoAsync("/admin/rendez-vous");

    public Task AddPlaceAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un lieu" }).ClickAsync();

    public Task AddMotifAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un motif" }).ClickAsync();
}
