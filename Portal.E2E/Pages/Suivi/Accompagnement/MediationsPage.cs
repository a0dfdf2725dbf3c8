using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Accompagnement;

/// /suivi/menages/{id}/accompagnement/mediations: landlord-tenant mediations. Its locators are the
/// page's as it is before the split of issue 12, point 7.
public sealed class MediationsPage(IPage page) : PortalPage(page)
{
    public ILocator Title => Heading("Médiations bailleur-locataire");

    public ILocator Landlord => Page.GetByLabel("Nom du bailleur");

    public async Task FillAsync(string landlord, string motif, string? details = null)
    {
        await Landlord.FillAsync(landlord);
        await Page.GetByLabel("Motif").SelectOptionAsync(new SelectOptionValue { Label = motif });
        if (details is not null) await Page.GetByLabel("Précisions", new() { Exact = true }).FillAsync(details);
    }

    public Task ChooseMotifAsync(string motif) => Page.GetByLabel("Motif").SelectOptionAsync(new SelectOptionValue { Label = motif });

    public Task FillDetailsAsync(string details) => Page.GetByLabel("Précisions", new() { Exact = true }).FillAsync(details);

    public Task OpenAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la médiation" }).ClickAsync();

    public ILocator Mediation(string name) => Page.GetByRole(AriaRole.Article, new() { Name = name });

    public async Task CloseAsync(ILocator mediation, string outcome, string details)
    {
        await mediation.GetByText("Clore la médiation").ClickAsync();
        await mediation.GetByLabel("Issue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = outcome });
        await mediation.GetByLabel("Précisions (accord, échéancier, partenaire…)").FillAsync(details);
        await mediation.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'issue" }).ClickAsync();
    }
}
