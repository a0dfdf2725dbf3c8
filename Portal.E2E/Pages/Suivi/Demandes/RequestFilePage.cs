using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Demandes;

/// /suivi/demandes/{id}: a request as the team reviews it. Its locators are the page's as it was
/// before the split of the request details page (issue 12, point 7).
public sealed class RequestFilePage(IPage page) : PortalPage(page)
{
    public ILocator Resources => Page.GetByRole(AriaRole.Heading, new() { Name = "Ressources et taux d'effort" });

    public ILocator RequestStatus => Page.Locator("#statut-demande");

    public ILocator FromAPartner => Page.GetByText("Orientation par un partenaire");

    public Task GotoAsync(long id) => Page.GotoAsync($"/suivi/demandes/{id}");

    public Task TakeInChargeAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Prendre en charge" }).ClickAsync();

    /// Ticks the documents (by their label) in « Pièces à demander » and sends the request with its note.
    public async Task AskForDocumentsAsync(string note, params string[] documents)
    {
        foreach (var document in documents)
            await Page.GetByRole(AriaRole.Group, new() { Name = "Pièces à demander" }).GetByLabel(document).CheckAsync();
        await Page.GetByLabel("Précision pour la personne (facultatif)").FillAsync(note);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Demander les pièces" }).ClickAsync();
    }

    public Task ResumeReviewAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Reprendre l'instruction" }).ClickAsync();
}
