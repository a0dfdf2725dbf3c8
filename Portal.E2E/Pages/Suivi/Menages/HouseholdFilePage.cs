using Microsoft.Playwright;

namespace Portal.E2E.Pages.Suivi.Menages;

/// /suivi/menages/{id}: a household's file. Its locators are the page's as it is before the split
/// of issue 12, point 7 (Dossier.cshtml).
public sealed class HouseholdFilePage(IPage page) : PortalPage(page)
{
    public ILocator Title => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Journal => Page.Locator("#journal-entrees");

    public ILocator Referent => Page.Locator("#referent-menage");

    public ILocator Mediations => Page.GetByRole(AriaRole.Region, new() { Name = "Médiations bailleur-locataire" });

    public ILocator Workshops => Page.GetByRole(AriaRole.Region, new() { Name = "Ateliers collectifs" });

    /// Opens a section of the file from its tab bar (« Identité », « Personnes », « Ressources », « Partenaires », « Journal »…).
    public Task OpenSectionAsync(string name) =>
        Main.GetByRole(AriaRole.Navigation, new() { Name = "Sections du dossier" }).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

    public async Task AddJournalEntryAsync(string kind, string text, bool confidential)
    {
        await Page.Locator("#Entry_Kind").SelectOptionAsync(kind);
        await Page.Locator("#Entry_Text").FillAsync(text);
        if (confidential) await Page.GetByLabel("Confidentiel", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter au journal" }).ClickAsync();
    }

    public async Task AssignReferentAsync(string referent)
    {
        await Page.Locator("#Assign_ReferentId").SelectOptionAsync(new SelectOptionValue { Label = referent });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Changer l'équipe ou le référent" }).ClickAsync();
    }

    public Task OpenAMediationAsync() => Mediations.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une médiation" }).ClickAsync();
}
